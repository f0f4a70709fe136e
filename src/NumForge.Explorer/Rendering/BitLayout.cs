using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NumForge.CompilerServices;

namespace NumForge.Explorer.Rendering
{
    /// <summary>One field of an encoding: its name, the letter drawn for each of its bits, and its bit positions.</summary>
    internal sealed record BitField(string Name, char Letter, int High, int Low)
    {
        public int Width => High - Low + 1;

        /// <summary>The field's bits in <paramref name="code"/>, shifted down to bit 0.</summary>
        public ulong Extract(ulong code) => (code >> Low) & (Width >= 64 ? ulong.MaxValue : (1UL << Width) - 1);

        /// <summary>Bit positions as written under a layout: <c>7</c> for one bit, <c>6..3</c> for several.</summary>
        public string Positions => Width == 1 ? FormatText.Int(High) : $"{FormatText.Int(High)}..{FormatText.Int(Low)}";
    }

    /// <summary>The fields of a format's encoding, most significant first, and the container that holds it.</summary>
    internal sealed class BitLayout
    {
        private BitLayout(FormatInfo format, IReadOnlyList<BitField> fields, FloatLayout? floatLayout)
        {
            Format = format;
            Fields = fields;
            Float = floatLayout;
            ContainerBits = format.Bits <= 8 ? 8 : format.Bits <= 16 ? 16 : format.Bits <= 32 ? 32 : 64;
        }

        public FormatInfo Format { get; }

        /// <summary>The value's fields (sign, exponent, mantissa for floats), most significant first.</summary>
        public IReadOnlyList<BitField> Fields { get; }

        /// <summary>The float layout and its derived codes; <see langword="null"/> for other families.</summary>
        public FloatLayout? Float { get; }

        /// <summary>Bits of the unsigned integer that stores an encoding: 8, 16, 32 or 64.</summary>
        public int ContainerBits { get; }

        /// <summary>The container's C# type name.</summary>
        public string ContainerName => ContainerBits switch
        {
            8 => "byte",
            16 => "ushort",
            32 => "uint",
            _ => "ulong",
        };

        /// <summary>The container bits above the value (none when the width is a whole container).</summary>
        public BitField? Unused => ContainerBits > Format.Bits ? new BitField("unused", 'x', ContainerBits - 1, Format.Bits) : null;

        /// <summary>The largest code of the format: all of its bits set.</summary>
        public ulong CodeMask => Format.Bits >= 64 ? ulong.MaxValue : (1UL << Format.Bits) - 1;

        public static BitLayout For(FormatInfo format)
        {
            ArgumentNullException.ThrowIfNull(format);
            if (format.Kind != FormatKind.Float)
            {
                return new BitLayout(format, [new BitField("value", 'V', format.Bits - 1, 0)], null);
            }

            FloatLayout layout = FloatLayout.TryCreate(format.ExponentBits, format.MantissaBits, format.Bias, format.Signed, format.Subnormals, format.Specials, format.Overflow, out var problems)
                ?? throw new InvalidOperationException($"{format.Name} has an invalid float layout: {string.Join("; ", problems)}");

            var fields = new List<BitField>();
            int m = format.MantissaBits;
            int e = format.ExponentBits;
            if (format.Signed)
            {
                fields.Add(new BitField("sign", 'S', e + m, e + m));
            }

            fields.Add(new BitField("exponent", 'E', e + m - 1, m));
            if (m > 0)
            {
                fields.Add(new BitField("mantissa", 'M', m - 1, 0));
            }

            return new BitLayout(format, fields, layout);
        }

        /// <summary>The field names joined the way <see cref="Grouped"/> joins the bits: <c>sign | exponent | mantissa</c>.</summary>
        public string FieldNames => string.Join(" | ", Fields.Select(f => f.Name));

        /// <summary>A code in binary, grouped by field: <c>0 | 1111 | 110</c> (posits: <c>0 | 10 | 00 | 00000000000</c>, per code).</summary>
        public string Grouped(ulong code) => Format.Kind == FormatKind.Posit
            ? PositFields.Of(Format, code).Grouped
            : string.Join(" | ", Fields.Select(f => FormatText.Binary(f.Extract(code), f.Width)));

        /// <summary>The names of <see cref="Grouped"/>'s groups for one code (posit fields vary in width from code to code).</summary>
        public string FieldNamesOf(ulong code) => Format.Kind == FormatKind.Posit ? PositFields.Of(Format, code).Names : FieldNames;

        /// <summary>Two aligned lines: field letters (<c>S EEEE MMM</c>) and bit positions (<c>7 6..3 2..0</c>), container bits included.</summary>
        public (string Letters, string Positions) Diagram() => Diagram(Unused is BitField unused ? Fields.Prepend(unused) : Fields);

        /// <summary>Two aligned lines for the given fields, most significant first: their letters and their bit positions.</summary>
        public static (string Letters, string Positions) Diagram(IEnumerable<BitField> all)
        {
            var letters = new StringBuilder();
            var positions = new StringBuilder();
            foreach (BitField field in all)
            {
                string letter = new(field.Letter, field.Width);
                string position = field.Positions;
                int width = Math.Max(letter.Length, position.Length);
                if (letters.Length > 0)
                {
                    letters.Append(' ');
                    positions.Append(' ');
                }

                letters.Append(letter.PadRight(width));
                positions.Append(position.PadRight(width));
            }

            return (letters.ToString().TrimEnd(), positions.ToString().TrimEnd());
        }
    }
}

using System;
using System.Globalization;
using NumForge.CompilerServices;
using NumForge.CompilerServices.Integers;

namespace NumForge
{
    /// <summary>
    /// Describes a number format at run time: its family, widths, bias, special values and extreme values, with
    /// encode and decode by value. Every generated format exposes one as <c>X.Info</c>; <see cref="FormatCatalog"/>
    /// lists the catalog's.
    /// </summary>
    public sealed record FormatInfo
    {
        private readonly IFormatCodec _codec;

        private FormatInfo(string name, Type? clrType, FormatKind kind, int bits, IFormatCodec codec)
        {
            Name = name;
            ClrType = clrType;
            Kind = kind;
            Bits = bits;
            _codec = codec;
        }

        /// <summary>The format's name, e.g. <c>Float8E4M3FN</c>.</summary>
        public string Name { get; }

        /// <summary>The .NET type that implements the format, if any.</summary>
        public Type? ClrType { get; }

        /// <summary>The format's family.</summary>
        public FormatKind Kind { get; }

        /// <summary>Number of bits in an encoding.</summary>
        public int Bits { get; }

        /// <summary>Width of the exponent field (posits: the es parameter; integers: 0).</summary>
        public int ExponentBits { get; private init; }

        /// <summary>Width of the mantissa field (floats); 0 for other families.</summary>
        public int MantissaBits { get; private init; }

        /// <summary>Exponent bias (floats); 0 for other families.</summary>
        public int Bias { get; private init; }

        /// <summary>Whether the format has a sign.</summary>
        public bool Signed { get; private init; }

        /// <summary>Whether exponent field 0 encodes subnormals (floats).</summary>
        public bool Subnormals { get; private init; }

        /// <summary>Which encodings are infinities and NaNs (floats).</summary>
        public SpecialValues Specials { get; private init; }

        /// <summary>What a conversion gives past the largest finite value, resolved (floats).</summary>
        public OverflowBehavior Overflow { get; private init; }

        /// <summary>The largest finite value.</summary>
        public double MaxValue { get; private init; }

        /// <summary>The smallest positive normal value.</summary>
        public double MinNormal { get; private init; }

        /// <summary>The smallest positive value.</summary>
        public double Epsilon { get; private init; }

        /// <summary>The distance from 1 to the next larger value.</summary>
        public double MachineEpsilon { get; private init; }

        /// <summary>Whether the format has ±infinity.</summary>
        public bool HasInfinity => Kind == FormatKind.Float && Specials == SpecialValues.Ieee;

        /// <summary>Whether the format has a NaN.</summary>
        public bool HasNaN => Kind == FormatKind.Float && Specials != SpecialValues.Finite;

        /// <summary>Whether the format has NaR (Not a Real), the posits' one exception value (code 1 followed by zeros).</summary>
        public bool HasNaR => Kind == FormatKind.Posit;

        /// <summary>The spec in short form, e.g. <c>E4M3 bias 7 FiniteNaN</c>.</summary>
        public string Summary => Kind == FormatKind.Float
            ? string.Create(CultureInfo.InvariantCulture, $"E{ExponentBits}M{MantissaBits} bias {Bias}{(Signed ? "" : " unsigned")}{(Subnormals ? "" : " no-subnormals")} {Specials}")
            : Kind == FormatKind.Posit
                ? string.Create(CultureInfo.InvariantCulture, $"posit<{Bits},{ExponentBits}>")
                : Kind == FormatKind.Integer
                    ? string.Create(CultureInfo.InvariantCulture, $"{(Signed ? "signed" : "unsigned")} {Bits}-bit integer, {(Signed ? -MaxValue - 1 : 0)} to {MaxValue}")
                    : Kind.ToString();

        /// <summary>Rounds <paramref name="value"/> to the format and returns the encoding.</summary>
        /// <param name="value">The value to convert.</param>
        /// <param name="rounding">The rounding direction; <see cref="MidpointRounding.ToEven"/> is round to nearest, ties to even.</param>
        /// <param name="saturate">Whether a finite value past the largest finite value gives ±max instead of the format's overflow value.</param>
        public ulong Encode(double value, MidpointRounding rounding = MidpointRounding.ToEven, bool saturate = false) => _codec.Encode(value, rounding, saturate);

        /// <summary>Returns the exact value of an encoding (NaN for NaN encodings).</summary>
        /// <param name="bits">The encoding in the low bits; higher bits are ignored.</param>
        public double Decode(ulong bits) => _codec.Decode(bits);

        /// <summary>Formats an encoding's value as the shortest string that parses back to it.</summary>
        /// <param name="bits">The encoding.</param>
        public string FormatValue(ulong bits) => _codec.Format(bits);

        /// <summary>Describes a float format from its traits. Called by generated code.</summary>
        /// <typeparam name="TTraits">The format's traits.</typeparam>
        /// <param name="name">The format's name.</param>
        /// <param name="clrType">The generated type.</param>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        public static FormatInfo ForFloat<TTraits>(string name, Type clrType)
            where TTraits : struct, IFloatTraits
        {
            ArgumentNullException.ThrowIfNull(name);
            FloatLayout layout = FloatLayout.TryCreate(TTraits.ExponentBits, TTraits.MantissaBits, TTraits.Bias, TTraits.Signed, TTraits.Subnormals, TTraits.Specials, TTraits.Overflow, out var problems)
                ?? throw new ArgumentException($"Invalid float traits for {name}: {string.Join("; ", problems)}", nameof(name));
            return new FormatInfo(name, clrType, FormatKind.Float, layout.TotalBits, new FloatFormatCodec<TTraits>())
            {
                ExponentBits = layout.ExponentBits,
                MantissaBits = layout.MantissaBits,
                Bias = layout.Bias,
                Signed = layout.Signed,
                Subnormals = layout.Subnormals,
                Specials = layout.Specials,
                Overflow = layout.Overflow,
                MaxValue = layout.MaxValue,
                MinNormal = layout.MinNormal,
                Epsilon = layout.Epsilon,
                MachineEpsilon = layout.MachineEpsilon,
            };
        }

        /// <summary>Describes a posit format from its traits. Called by generated code.</summary>
        /// <typeparam name="TTraits">The format's traits.</typeparam>
        /// <param name="name">The format's name.</param>
        /// <param name="clrType">The generated type.</param>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        public static FormatInfo ForPosit<TTraits>(string name, Type clrType)
            where TTraits : struct, IPositTraits
        {
            ArgumentNullException.ThrowIfNull(name);
            PositLayout layout = PositLayout.TryCreate(TTraits.Bits, TTraits.ExponentBits, out var problems)
                ?? throw new ArgumentException($"Invalid posit traits for {name}: {string.Join("; ", problems)}", nameof(name));
            return new FormatInfo(name, clrType, FormatKind.Posit, layout.Bits, new PositFormatCodec<TTraits>())
            {
                ExponentBits = layout.ExponentBits,
                Signed = true,
                MaxValue = layout.MaxValue,
                MinNormal = layout.Epsilon,
                Epsilon = layout.Epsilon,
                MachineEpsilon = layout.MachineEpsilon,
            };
        }

        /// <summary>Describes an integer format from its traits. Called by generated code.</summary>
        /// <typeparam name="TTraits">The format's traits.</typeparam>
        /// <param name="name">The format's name.</param>
        /// <param name="clrType">The generated type.</param>
        [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
        public static FormatInfo ForInteger<TTraits>(string name, Type clrType)
            where TTraits : struct, IIntTraits
        {
            ArgumentNullException.ThrowIfNull(name);
            IntLayout layout = IntLayout.TryCreate(TTraits.Bits, TTraits.Signed, out var problems)
                ?? throw new ArgumentException($"Invalid integer traits for {name}: {string.Join("; ", problems)}", nameof(name));
            return new FormatInfo(name, clrType, FormatKind.Integer, layout.Bits, new IntFormatCodec<TTraits>())
            {
                Signed = layout.Signed,
                MaxValue = layout.MaxValue,
                MinNormal = 1,
                Epsilon = 1,
                MachineEpsilon = 1,
            };
        }

        /// <inheritdoc/>
        public override string ToString() => $"{Name} ({Bits} bits, {Summary})";

        /// <summary>Value-level operations of one format, so tools can work with a format known only at run time.</summary>
        private interface IFormatCodec
        {
            ulong Encode(double value, MidpointRounding rounding, bool saturate);

            double Decode(ulong bits);

            string Format(ulong bits);
        }

        private sealed class FloatFormatCodec<TTraits> : IFormatCodec
            where TTraits : struct, IFloatTraits
        {
            public ulong Encode(double value, MidpointRounding rounding, bool saturate) => FloatCodec<TTraits>.FromDouble(value, rounding, saturate);

            public double Decode(ulong bits) => FloatCodec<TTraits>.ToDouble(bits & FloatCodec<TTraits>.CodeMask);

            public string Format(ulong bits) => FloatText<TTraits>.Format(bits & FloatCodec<TTraits>.CodeMask, null, CultureInfo.InvariantCulture);
        }

        /// <summary>Integers round to an integer in the given mode and always saturate; NaN encodes as 0.</summary>
        private sealed class IntFormatCodec<TTraits> : IFormatCodec
            where TTraits : struct, IIntTraits
        {
            public ulong Encode(double value, MidpointRounding rounding, bool saturate)
            {
                IntSpan<TTraits>.ValidateMode(rounding);
                return IntSpan<TTraits>.Quantize(value, rounding);
            }

            public double Decode(ulong bits) => IntCodec<TTraits>.ToInt32((byte)bits);

            public string Format(ulong bits) => IntText<TTraits>.Format((byte)bits, null, CultureInfo.InvariantCulture);
        }

        /// <summary>Posits have one rounding (to nearest, ties to even on the bit string) and always saturate.</summary>
        private sealed class PositFormatCodec<TTraits> : IFormatCodec
            where TTraits : struct, IPositTraits
        {
            public ulong Encode(double value, MidpointRounding rounding, bool saturate)
            {
                if (rounding != MidpointRounding.ToEven)
                {
                    throw new ArgumentException("Posits have one rounding: to nearest, ties to even (MidpointRounding.ToEven).", nameof(rounding));
                }

                return PositCodec<TTraits>.FromDouble(value);
            }

            public double Decode(ulong bits) => PositCodec<TTraits>.ToDouble(bits & TTraits.CodeMask);

            public string Format(ulong bits) => PositText<TTraits>.Format(bits & TTraits.CodeMask, null, CultureInfo.InvariantCulture);
        }
    }
}

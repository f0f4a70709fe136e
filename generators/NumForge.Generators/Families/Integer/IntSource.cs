using System;
using System.Collections.Generic;
using System.Globalization;
using NumForge.CompilerServices;
using NumForge.Generators.Emit;

namespace NumForge.Generators.Families.Integer
{
    /// <summary>
    /// The generated part of one integer format (DESIGN.md "Integer formats"): the shared frame, plumbing, equality and
    /// text (<see cref="FormatSource"/>), then the integer sections. Every member forwards to the compiled kernels
    /// (<c>IntCodec</c>, <c>IntTextCodec</c>, <c>IntSpan</c> in <c>NumForge.CompilerServices.Integers</c>); the emitter
    /// only decides declarations (which conversions are implicit, which interface is signed) from <see cref="IntLayout"/>.
    /// </summary>
    internal sealed partial class IntSource : FormatSource
    {
        private const string Codec = "global::NumForge.CompilerServices.Integers.IntCodec<Traits>";
        private const string Spans = "global::NumForge.CompilerServices.Integers.IntSpan<Traits>";
        private const string TextCodec = "global::NumForge.CompilerServices.Integers.IntTextCodec<Traits>";

        private readonly IntLayout _layout;

        private IntSource(IntFormatModel model, IntLayout layout)
            : base(model.Target, 8)
        {
            _layout = layout;
        }

        /// <summary>The generated source for one valid integer format.</summary>
        public static string Emit(IntFormatModel model)
        {
            IntLayout? layout = IntLayout.TryCreate(model.Bits, model.Signed, out _);
            return layout is null ? InvalidSpec(model.Target) : new IntSource(model, layout).Write();
        }

        /// <summary>The format in words, e.g. <c>signed 4-bit integer (-8 to 7)</c>.</summary>
        private string Spec => $"{(_layout.Signed ? "signed" : "unsigned")} {Int(_layout.Bits)}-bit integer ({Int(_layout.MinValue)} to {Int(_layout.MaxValue)})";

        /// <inheritdoc/>
        protected override IReadOnlyList<string> Interfaces() => new[]
        {
            $"global::NumForge.INumericFormat<{Self}, byte>",
            $"{Numerics}.IBinaryInteger<{Self}>",
            $"{Numerics}.IMinMaxValue<{Self}>",
            _layout.Signed ? $"{Numerics}.ISignedNumber<{Self}>" : $"{Numerics}.IUnsignedNumber<{Self}>",
            $"global::System.IEquatable<{Self}>",
            $"global::System.IComparable<{Self}>",
            "global::System.IComparable",
            "global::System.ISpanFormattable",
            "global::System.IUtf8SpanFormattable",
            $"global::System.ISpanParsable<{Self}>",
            $"global::System.IUtf8SpanParsable<{Self}>",
        };

        /// <inheritdoc/>
        protected override void WriteMembers()
        {
            WritePlumbing(_layout.Bits, (ulong)_layout.CodeMask, $"Describes the format: a {Spec}.", "ForInteger");
            WriteTraits("global::NumForge.CompilerServices.Integers.IIntTraits", TraitsOf(_layout));

            // The sections in the order they are written.
            foreach (Action section in new Action[] { EmitConstants, EmitConversions, EmitOperators, EmitNumberMembers, EmitEqualityAndText, EmitGenericMath, EmitSpans })
            {
                section();
            }
        }

        /// <summary>The constants of the nested <c>Traits</c> (<c>IIntTraits</c>).</summary>
        private static (string Type, string Name, string Value)[] TraitsOf(IntLayout layout) => new[]
        {
            ("int", "Bits", Int(layout.Bits)), ("bool", "Signed", Bool(layout.Signed)),
            ("int", "MinValue", Int(layout.MinValue)), ("int", "MaxValue", Int(layout.MaxValue)),
            ("byte", "CodeMask", ByteHex(layout.CodeMask)),
        };

        /// <summary>The shared equality and text sections, over the integer kernels.</summary>
        private void EmitEqualityAndText()
        {
            WriteEquality(
                ("Whether <paramref name=\"other\"/> is the same value.", "_bits == other._bits"),
                ("A hash of the value, as its <c>int</c> value hashes.", $"{Codec}.GetHashCode(_bits)"),
                ("Compares with another value: negative, zero or positive as this is less, equal or greater.", $"{Codec}.Compare(_bits, other._bits)"));
            WriteText(
                TextCodec,
                "; <c>X</c> and <c>B</c> formats write the " + Int(_layout.Bits) + "-bit code",
                "range-checked as <c>sbyte.Parse</c> is (<c>OverflowException</c> for a value out of range)",
                Styles + ".Integer");
        }

        // ================================================================ constants

        private void EmitConstants()
        {
            W.Section("constants");
            Member($$"""
                /// <summary>The smallest value, {{Int(_layout.MinValue)}}.</summary>
                public static {{Self}} MinValue => FromCode({{Codec}}.MinValueCode);

                /// <summary>The largest value, {{Int(_layout.MaxValue)}}.</summary>
                public static {{Self}} MaxValue => FromCode({{Codec}}.MaxValueCode);

                /// <summary>Zero.</summary>
                public static {{Self}} Zero => default;

                /// <summary>One{{(_layout.Signed && _layout.Bits == 1 ? " wrapped to 1 bit: a signed 1-bit integer holds only -1 and 0, so this is -1" : "")}}.</summary>
                public static {{Self}} One => FromCode({{Codec}}.OneCode);
                """);
            if (_layout.Signed)
            {
                Member($$"""
                    /// <summary>Negative one.</summary>
                    public static {{Self}} NegativeOne => FromCode({{Codec}}.AllBitsSetCode);
                    """);
            }

            Member($$"""
                /// <summary>The value with all {{Int(_layout.Bits)}} bits set ({{(_layout.Signed ? "-1" : Int(_layout.MaxValue))}}).</summary>
                public static {{Self}} AllBitsSet => FromCode({{Codec}}.AllBitsSetCode);
                """);
            Member($"static {Self} {Numerics}.IAdditiveIdentity<{Self}, {Self}>.AdditiveIdentity => Zero;");
            Member($"static {Self} {Numerics}.IMultiplicativeIdentity<{Self}, {Self}>.MultiplicativeIdentity => One;");
            Member($"static int {Numerics}.INumberBase<{Self}>.Radix => 2;");
        }

        /// <summary>A byte constant as the traits declare it, e.g. <c>0x0F</c>.</summary>
        private static string ByteHex(int value) => "0x" + value.ToString("X2", CultureInfo.InvariantCulture);
    }
}

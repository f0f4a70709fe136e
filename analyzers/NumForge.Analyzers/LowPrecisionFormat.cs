using System;
using NumForge.CompilerServices;

namespace NumForge.Analyzers
{
    /// <summary>What kind of number format a type is, as far as the analyzers can tell.</summary>
    internal enum FormatKind
    {
        /// <summary>Not a format the analyzers know.</summary>
        None,

        /// <summary><c>System.Half</c>, binary16.</summary>
        Half,

        /// <summary>A type carrying <c>NumForge.FloatFormatAttribute</c>.</summary>
        Float,

        /// <summary>A type carrying <c>NumForge.PositFormatAttribute</c>.</summary>
        Posit,

        /// <summary>A type carrying <c>NumForge.IntFormatAttribute</c>.</summary>
        Integer,
    }

    /// <summary>
    /// What the analyzers know about one type: whether it is low precision by its own declaration, and the spec needed
    /// to round constants into it. Computed once per type and compilation.
    /// </summary>
    internal sealed class LowPrecisionFormat
    {
        /// <summary>The layout of binary16 (<c>System.Half</c>).</summary>
        public static readonly FloatLayout HalfLayout = CreateLayout(5, 10, null, true, true, SpecialValues.Ieee, OverflowBehavior.Default)!;

        public LowPrecisionFormat(FormatKind kind, bool isLowPrecision, FloatLayout? layout, int positBits, int positExponentBits, string? documentationId)
            : this(kind, isLowPrecision, layout, positBits, positExponentBits, documentationId, 0, false)
        {
        }

        public LowPrecisionFormat(FormatKind kind, bool isLowPrecision, FloatLayout? layout, int positBits, int positExponentBits, string? documentationId, int integerBits, bool integerSigned)
        {
            IntegerBits = integerBits;
            IntegerSigned = integerSigned;
            Kind = kind;
            IsLowPrecision = isLowPrecision;
            Layout = layout;
            PositBits = positBits;
            PositExponentBits = positExponentBits;
            DocumentationId = documentationId;
        }

        /// <summary>The format family.</summary>
        public FormatKind Kind { get; }

        /// <summary>Whether the type's declaration makes it low precision (options may still add or remove it).</summary>
        public bool IsLowPrecision { get; }

        /// <summary>The float layout (Half and valid FloatFormat specs), or <see langword="null"/>.</summary>
        public FloatLayout? Layout { get; }

        /// <summary>Bits of a posit format, else 0.</summary>
        public int PositBits { get; }

        /// <summary>Exponent bits (es) of a posit format.</summary>
        public int PositExponentBits { get; }

        /// <summary>Bits of an integer format (<c>[IntFormat(bits)]</c>), else 0.</summary>
        public int IntegerBits { get; }

        /// <summary>Whether an integer format is signed (two's complement).</summary>
        public bool IntegerSigned { get; }

        /// <summary>The smallest value of an integer format.</summary>
        public long IntegerMin => IntegerSigned ? -(1L << (IntegerBits - 1)) : 0;

        /// <summary>The largest value of an integer format.</summary>
        public long IntegerMax => IntegerSigned ? (1L << (IntegerBits - 1)) - 1 : (1L << IntegerBits) - 1;

        /// <summary>
        /// The largest n such that counting 0, 1, ..., n by ones is exact in the format (so a counter stepped by
        /// <c>++</c> reaches n): 2^(significand bits) for floats (2048 for Half), capped by the largest finite value;
        /// the largest value for integers; for posits, 2^(s+1) for the largest scale s up to which every scale has at
        /// least s fraction bits. 0 when unknown.
        /// </summary>
        public double ExactCountLimit
        {
            get
            {
                if (Layout is not null)
                {
                    return Math.Min(Math.Pow(2, Layout.MantissaBits + 1), Math.Floor(Layout.MaxValue));
                }

                if (Kind == FormatKind.Integer && IntegerBits is > 0 and < 63)
                {
                    return IntegerMax;
                }

                if (Kind == FormatKind.Posit && PositBits > 2)
                {
                    int scale = 0;
                    while (true)
                    {
                        int regime = scale >> PositExponentBits;
                        int fractionBits = PositBits - 1 - (regime + 2) - PositExponentBits;
                        if (fractionBits < scale || scale > 62)
                        {
                            return Math.Pow(2, scale);
                        }

                        scale++;
                    }
                }

                return 0;
            }
        }

        /// <summary>The type's documentation ID (<c>T:Namespace.Type</c>), matched against the options.</summary>
        public string? DocumentationId { get; }

        /// <summary>
        /// The low-precision rule for float formats: narrower significand than float (mantissaBits &lt; 23), or a
        /// narrower exponent range (largest exponent below 127 or smallest normal exponent above -126).
        /// </summary>
        public static bool IsFloatLowPrecision(int exponentBits, int mantissaBits, FloatLayout? layout)
        {
            if (mantissaBits < 23)
            {
                return true;
            }

            if (layout is null)
            {
                return exponentBits < 8;
            }

            return layout.MaxExponent < 127 || layout.MinNormalExponent > -126;
        }

        /// <summary>
        /// The low-precision rule for posits: fewer fraction bits at 1 than float (bits - 3 - es &lt; 23). Posit16,
        /// Posit8 and the classic small posits are low precision; Posit32 (27 fraction bits) and Posit64 are not.
        /// </summary>
        public static bool IsPositLowPrecision(int bits, int exponentBits) => bits - 3 - exponentBits < 23;

        /// <summary>Creates a layout, or <see langword="null"/> for an invalid spec (the generator reports those).</summary>
        public static FloatLayout? CreateLayout(int exponentBits, int mantissaBits, int? bias, bool signed, bool subnormals, SpecialValues specials, OverflowBehavior overflow)
        {
            return FloatLayout.TryCreate(exponentBits, mantissaBits, bias, signed, subnormals, specials, overflow, out _);
        }
    }
}

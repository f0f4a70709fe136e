using System.Text;

namespace NumForge.Generators.Families.Float
{
    // The generic-math plumbing: identities, Create*, TryConvert* (following System.Half) and the IFloatingPoint
    // exponent and significand accessors. Where Half implements a member explicitly, so does the generated type.
    internal sealed partial class FloatSource
    {
        /// <summary>Types the generic conversions convert to, and how: (type, checked expression, saturating expression) of <c>exact</c>.</summary>
        private (string Type, string Checked, string Saturating)[] ConversionTargets()
        {
            var targets = new System.Collections.Generic.List<(string, string, string)>
            {
                ("double", "exact", "exact"),
                ("float", $"{Codec}.ToSingle(value.Code)", $"{Codec}.ToSingle(value.Code)"),
                ("global::System.Half", $"{Codec}.ToHalf(value.Code)", $"{Codec}.ToHalf(value.Code)"),
                ("decimal", "(decimal)exact",
                    "exact >= 79228162514264337593543950335.0 ? decimal.MaxValue : exact <= -79228162514264337593543950335.0 ? decimal.MinValue : double.IsNaN(exact) ? 0.0m : (decimal)exact"),
            };
            foreach (string integer in IntegerTargets)
            {
                targets.Add((integer, $"checked(({integer})exact)", SaturatingCast(integer, "exact")));
            }

            targets.Add((BigInteger, $"({BigInteger})exact", $"double.IsNaN(exact) ? {BigInteger}.Zero : ({BigInteger})exact"));
            return targets.ToArray();
        }

        private void EmitGenericMath()
        {
            W.Section("generic-math plumbing");
            string numberBase = $"{Numerics}.INumberBase<{Self}>";

            Member($"static int {numberBase}.Radix => 2;");
            Member($"static {Self} {Numerics}.IAdditiveIdentity<{Self}, {Self}>.AdditiveIdentity => Zero;");
            Member($$"""
                /// <summary>The multiplicative identity, one.</summary>
                public static {{Self}} MultiplicativeIdentity => One;
                """);
            Member($"static {Self} {Numerics}.IBinaryNumber<{Self}>.AllBitsSet => FromCode({Hex(CodeMask)});");

            foreach (var (name, toKind) in new[] { ("Checked", "checked"), ("Saturating", "saturating"), ("Truncating", "truncating") })
            {
                Member($$"""
                    /// <summary>Creates a value from any number, as the explicit conversions do; a conversion this type cannot make throws <c>NotSupportedException</c>.</summary>
                    /// <typeparam name="TOther">The type of <paramref name="value"/>.</typeparam>
                    /// <param name="value">The number to convert.</param>
                    /// <returns>The nearest value (ties to even).</returns>
                    public static {{Self}} Create{{name}}<TOther>(TOther value)
                        where TOther : {{Numerics}}.INumberBase<TOther>
                    {
                        if (typeof(TOther) == typeof({{Self}}))
                        {
                            return ({{Self}})(object)value;
                        }

                        if (TryConvertFromCore(value, out {{Self}} result) || TOther.TryConvertTo{{name}}(value, out result))
                        {
                            return result;
                        }

                        throw new global::System.NotSupportedException("Conversion from " + typeof(TOther).Name + " to {{Name}} is not supported.");
                    }
                    """);
            }

            foreach (string name in new[] { "Checked", "Saturating", "Truncating" })
            {
                Member($"static bool {numberBase}.TryConvertFrom{name}<TOther>(TOther value, out {Self} result) => TryConvertFromCore(value, out result);");
            }

            foreach (string name in new[] { "Checked", "Saturating", "Truncating" })
            {
                Member($"static bool {numberBase}.TryConvertTo{name}<TOther>({Self} value, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TOther result) => TryConvertToCore(value, {Bool(name == "Checked")}, out result);");
            }

            EmitTryConvertFromCore();
            EmitTryConvertToCore();
            EmitExponentAndSignificand();
        }

        /// <summary>Conversions from the BCL's number types, as the explicit operators (ties to even; overflow as the format's default).</summary>
        private void EmitTryConvertFromCore()
        {
            var body = new StringBuilder();
            foreach (var source in Sources)
            {
                AppendTypeCase(body, source.Type, $"result = {FromExpression(source.Type, $"({source.Type})(object)value")};");
            }

            AppendTypeCase(body, BigInteger, $$"""
                {{BigInteger}} integer = ({{BigInteger}})(object)value;
                result = FromCode({{Codec}}.FromBigInteger(integer.Sign < 0, {{BigInteger}}.Abs(integer), 0, false, {{ToEven}}, false));
                """);

            W.Member($$"""
                /// <summary>Converts a number of a BCL type to this format, as the explicit conversions do; false for other types.</summary>
                private static bool TryConvertFromCore<TOther>(TOther value, out {{Self}} result)
                    where TOther : {{Numerics}}.INumberBase<TOther>
                {
                {{Indent(body.ToString())}}
                    result = default;
                    return false;
                }
                """);
        }

        /// <summary>
        /// Conversions to the BCL's number types. Checked: integers and decimal throw <c>OverflowException</c> for NaN and
        /// out-of-range values. Saturating and truncating (the same for a float, as in Half): integers truncate toward zero
        /// and saturate, NaN gives 0.
        /// </summary>
        private void EmitTryConvertToCore()
        {
            var body = new StringBuilder();
            foreach (var (type, isChecked, saturating) in ConversionTargets())
            {
                string expression = isChecked == saturating ? isChecked : $"isChecked ? {isChecked} : {saturating}";
                AppendTypeCase(body, type, $$"""
                    {{type}} converted = {{expression}};
                    result = (TOther)(object)converted;
                    """);
            }

            W.Member($$"""
                /// <summary>Converts to a number of a BCL type (checked: overflow throws; else saturating, NaN gives 0); false for other types.</summary>
                private static bool TryConvertToCore<TOther>({{Self}} value, bool isChecked, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TOther result)
                    where TOther : {{Numerics}}.INumberBase<TOther>
                {
                    double exact = {{AsDouble("value")}};
                {{Indent(body.ToString())}}
                    result = default;
                    return false;
                }
                """);
        }

        /// <summary>Appends <c>if (typeof(TOther) == typeof(type)) { statements; return true; }</c> and a blank line.</summary>
        private static void AppendTypeCase(StringBuilder body, string type, string statements)
        {
            body.Append("if (typeof(TOther) == typeof(").Append(type).Append("))\n{\n")
                .Append(Indent(statements)).Append('\n')
                .Append("    return true;\n}\n\n");
        }

        /// <summary>
        /// IFloatingPoint's exponent and significand, as Half defines them: the exponent is the biased field minus the
        /// bias (so zero and subnormals report -bias), the significand is the mantissa with the implicit bit where the
        /// field is nonzero (always, in a format without subnormals), and each is written in the smallest integer that
        /// holds every finite value's.
        /// </summary>
        private void EmitExponentAndSignificand()
        {
            string floatingPoint = $"{Numerics}.IFloatingPoint<{Self}>";
            int maxFiniteField = (int)(_layout.MaxFiniteMagnitude >> M);
            bool smallExponent = -_layout.Bias >= sbyte.MinValue && maxFiniteField - _layout.Bias <= sbyte.MaxValue;
            string exponentType = smallExponent ? "sbyte" : "short";
            int exponentBits = smallExponent ? 8 : 16;
            string field = M == 0 ? "Code" : $"(Code >> {Int(M)})";
            string exponent = $"unchecked(({exponentType})((int)({field} & {Hex((ulong)_layout.ExponentFieldMax)}) - {Int(_layout.Bias)}))";

            int significandBits = M + 1;
            string significandType = significandBits <= 8 ? "byte" : significandBits <= 16 ? "ushort" : significandBits <= 32 ? "uint" : "ulong";
            ulong implicitBit = 1UL << M;
            string implicitPart = _layout.Subnormals
                ? $"((Code & {Hex((ulong)_layout.ExponentFieldMax << M)}) != 0 ? {Hex(implicitBit)} : 0UL)"
                : Hex(implicitBit);
            string significand = $"unchecked(({significandType})((Code & {Hex(_layout.MantissaMask)}) | {implicitPart}))";

            Member($"{ReadOnly}int {floatingPoint}.GetExponentByteCount() => {Int(exponentBits / 8)};");
            Member($$"""
                {{ReadOnly}}int {{floatingPoint}}.GetExponentShortestBitLength()
                {
                    {{exponentType}} exponent = {{exponent}};
                    return exponent >= 0
                        ? {{Int(exponentBits)}} - {{exponentType}}.LeadingZeroCount(exponent)
                        : {{Int(exponentBits + 1)}} - {{exponentType}}.LeadingZeroCount(unchecked(({{exponentType}})~exponent));
                }
                """);
            Member($"{ReadOnly}int {floatingPoint}.GetSignificandByteCount() => {Int(SizeOf(significandType))};");
            Member($"{ReadOnly}int {floatingPoint}.GetSignificandBitLength() => {Int(significandBits)};");
            foreach (string endian in new[] { "BigEndian", "LittleEndian" })
            {
                Member(WriteMethod(floatingPoint, "TryWriteExponent" + endian, exponentType, exponent, endian));
                Member(WriteMethod(floatingPoint, "TryWriteSignificand" + endian, significandType, significand, endian));
            }
        }

        /// <summary>An IFloatingPoint TryWrite* method that writes <paramref name="value"/> of <paramref name="type"/> in one byte order.</summary>
        private string WriteMethod(string floatingPoint, string name, string type, string value, string endian)
        {
            string header = $"{ReadOnly}bool {floatingPoint}.{name}(global::System.Span<byte> destination, out int bytesWritten)";
            int size = SizeOf(type);
            string write = size == 1
                ? $"destination.Length >= 1"
                : $"global::System.Buffers.Binary.BinaryPrimitives.TryWrite{BinaryName(type)}{endian}(destination, {value})";
            string store = size == 1 ? $"\n        destination[0] = unchecked((byte){value});" : "";
            return $$"""
                {{header}}
                {
                    if ({{write}})
                    {{{store}}
                        bytesWritten = {{Int(size)}};
                        return true;
                    }

                    bytesWritten = 0;
                    return false;
                }
                """;
        }

        private static int SizeOf(string integerType) => integerType switch
        {
            "sbyte" or "byte" => 1,
            "short" or "ushort" => 2,
            "uint" => 4,
            _ => 8,
        };

        private static string BinaryName(string integerType) => integerType switch
        {
            "short" => "Int16",
            "ushort" => "UInt16",
            "uint" => "UInt32",
            _ => "UInt64",
        };
    }
}

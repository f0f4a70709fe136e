
namespace NumForge.Generators.Families.Float
{
    // The generic-math plumbing: identities, Create*, TryConvert* (following System.Half) and the IFloatingPoint
    // exponent and significand accessors. Where Half implements a member explicitly, so does the generated type.
    internal sealed partial class FloatSource
    {
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

            WriteNumberConversions("global::NumForge.CompilerServices.Floats.FloatConverter<Traits>");
            EmitExponentAndSignificand();
        }

        /// <summary>IFloatingPoint's exponent and significand, as Half defines them (computed by <c>FloatDecomposition</c>).</summary>
        private void EmitExponentAndSignificand()
        {
            string floatingPoint = $"{Numerics}.IFloatingPoint<{Self}>";
            const string Decomposition = "global::NumForge.CompilerServices.Floats.FloatDecomposition<Traits>";
            Member($"{ReadOnly}int {floatingPoint}.GetExponentByteCount() => {Decomposition}.ExponentByteCount;");
            Member($"{ReadOnly}int {floatingPoint}.GetExponentShortestBitLength() => {Decomposition}.GetExponentShortestBitLength(Code);");
            Member($"{ReadOnly}int {floatingPoint}.GetSignificandByteCount() => {Decomposition}.SignificandByteCount;");
            Member($"{ReadOnly}int {floatingPoint}.GetSignificandBitLength() => {Decomposition}.SignificandBitLength;");
            foreach (var (endian, bigEndian) in new[] { ("BigEndian", "true"), ("LittleEndian", "false") })
            {
                Member($"{ReadOnly}bool {floatingPoint}.TryWriteExponent{endian}(global::System.Span<byte> destination, out int bytesWritten) => {Decomposition}.TryWriteExponent(Code, destination, out bytesWritten, {bigEndian});");
                Member($"{ReadOnly}bool {floatingPoint}.TryWriteSignificand{endian}(global::System.Span<byte> destination, out int bytesWritten) => {Decomposition}.TryWriteSignificand(Code, destination, out bytesWritten, {bigEndian});");
            }
        }
    }
}

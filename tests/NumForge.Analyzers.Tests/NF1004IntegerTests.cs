using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1004 for integer formats (<c>[IntFormat(bits, Signed = ...)]</c>): casts wrap, CreateChecked throws, CreateSaturating clamps.</summary>
    public class NF1004IntegerTests
    {
        [Fact]
        public Task CastWraps() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static Int4 A() => {|#0:(Int4)9|};
                static Int4 B() => {|#1:(Int4)(-9)|};
                static UInt2 U() => {|#2:(UInt2)6|};
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithLocation(0).WithArguments("9", "Int4", "becomes -7 (it wraps; Int4 holds -8 to 7)"),
            new DiagnosticResult(Descriptors.NF1004).WithLocation(1).WithArguments("-9", "Int4", "becomes 7 (it wraps; Int4 holds -8 to 7)"),
            new DiagnosticResult(Descriptors.NF1004).WithLocation(2).WithArguments("6", "UInt2", "becomes 2 (it wraps; UInt2 holds 0 to 3)"));

        [Fact]
        public Task CreateMethods() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static UInt2 Checked() => {|#0:UInt2.CreateChecked(5)|};
                static UInt2 Saturating() => {|#1:UInt2.CreateSaturating(-3)|};
                static Int4 Truncating() => {|#2:Int4.CreateTruncating(17L)|};
            }
            """,
            new DiagnosticResult(Descriptors.NF1004).WithLocation(0).WithArguments("5", "UInt2", "throws OverflowException (UInt2 holds 0 to 3)"),
            new DiagnosticResult(Descriptors.NF1004).WithLocation(1).WithArguments("-3", "UInt2", "saturates to 0 (UInt2 holds 0 to 3)"),
            new DiagnosticResult(Descriptors.NF1004).WithLocation(2).WithArguments("17", "Int4", "becomes 1 (it wraps; Int4 holds -8 to 7)"));

        [Fact]
        public Task NotFlagged_InRangeAndNotConstant() => Verify.AnalyzerAsync("""
            using NumForge;
            class C
            {
                static void F(int x)
                {
                    var a = (Int4)7;
                    var b = (Int4)(-8);
                    var c = UInt2.CreateChecked(3);
                    var d = UInt2.CreateChecked(x);
                    var e = (UInt2)0;
                    var g = (Int4)x;
                }
            }
            """);
    }
}

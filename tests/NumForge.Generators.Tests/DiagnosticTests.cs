using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>Every generator diagnostic: ID, location (the attribute, marked inline) and message text.</summary>
    public class DiagnosticTests
    {
        private const string Usings = "using NumForge;\n";

        // Runs the generator on the markup and checks that it reports exactly the marked diagnostics, with the given messages.
        private static void Verify(string markup, params string[] messages) => MarkedDiagnostics.Verify(markup, messages);

        [Fact]
        public void NF0010_ExponentBitsTooSmall() => Verify(
            "[{|NF0010:FloatFormat(0, 3)|}] public partial struct X { }",
            "exponentBits is 0; it must be between 1 and 11 so that every value is an exact double.");

        [Fact]
        public void NF0010_ExponentBitsTooLarge() => Verify(
            "[{|NF0010:FloatFormat(12, 3)|}] public partial struct X { }",
            "exponentBits is 12; it must be between 1 and 11 so that every value is an exact double.");

        [Fact]
        public void NF0011_MantissaBitsTooLarge() => Verify(
            "[{|NF0011:FloatFormat(exponentBits: 8, mantissaBits: 53)|}] public partial struct X { }",
            "mantissaBits is 53; it must be between 0 and 52 so that every value is an exact double.");

        [Fact]
        public void NF0010_And_NF0011_BothReported() => Verify(
            "[{|NF0010:{|NF0011:FloatFormat(-1, -1)|}|}] public partial struct X { }",
            "exponentBits is -1; it must be between 1 and 11 so that every value is an exact double.",
            "mantissaBits is -1; it must be between 0 and 52 so that every value is an exact double.");

        [Fact]
        public void NF0013_BiasGivesValuesThatAreNotExactDoubles() => Verify(
            "[{|NF0013:FloatFormat(8, 7, Bias = 1200)|}] public partial struct X { }",
            "Bias = 1200 gives values from 2^-1206 to 2^-946, which are not all exact doubles (2^-1074 to 2^1023). For E8M7 the bias must be between -769 and 1068.");

        [Fact]
        public void NF0014_IeeeWithoutMantissa() => Verify(
            "[{|NF0014:FloatFormat(5, 0)|}] public partial struct X { }",
            "Specials = Ieee reserves the top exponent for infinities and NaNs, which needs at least 2 exponent bits and 1 mantissa bit (this spec has E5M0). Use FiniteNaN or Finite for narrower formats.");

        [Fact]
        public void NF0014_FiniteNaNWithNoFiniteMax() => Verify(
            "[{|NF0014:FloatFormat(1, 0, Specials = SpecialValues.FiniteNaN)|}] public partial struct X { }",
            "Specials = FiniteNaN takes the all-ones pattern for NaN, which leaves no finite maximum in E1M0. Use Finite, or widen the format.");

        [Fact]
        public void NF0014_SpecialsNotAMember() => Verify(
            "[{|NF0014:FloatFormat(4, 3, Specials = (SpecialValues)7)|}] public partial struct X { }",
            "Specials value 7 is not a SpecialValues member; use Ieee, FiniteNaN, FiniteNaNUnsignedZero or Finite.");

        [Fact]
        public void NF0015_UnsignedWithUnsignedZeroNaN() => Verify(
            "[{|NF0015:FloatFormat(4, 3, Signed = false, Specials = SpecialValues.FiniteNaNUnsignedZero)|}] public partial struct X { }",
            "Signed = false cannot be combined with Specials = FiniteNaNUnsignedZero: that kind's NaN is the negative-zero pattern, which needs a sign bit. Use FiniteNaN for an unsigned format.");

        [Fact]
        public void NF0016_OverflowInfinityWithoutIeee() => Verify(
            "[{|NF0016:FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN, Overflow = OverflowBehavior.Infinity)|}] public partial struct X { }",
            "Overflow = Infinity needs infinities, which Specials = FiniteNaN does not have. Use NaN or Saturate.");

        [Fact]
        public void NF0016_OverflowNaNWithFinite() => Verify(
            "[{|NF0016:FloatFormat(2, 1, Specials = SpecialValues.Finite, Overflow = OverflowBehavior.NaN)|}] public partial struct X { }",
            "Overflow = NaN needs a NaN, which Specials = Finite does not have. Use Saturate.");

        [Fact]
        public void NF0001_ClassTarget() => Verify(
            "[{|NF0001:FloatFormat(4, 3)|}] public partial class X { }",
            "[FloatFormat] is on 'X', which is a class; a format must be a partial struct. Write 'public readonly partial struct X' instead.");

        [Fact]
        public void NF0001_NonPartialStruct() => Verify(
            "[{|NF0001:FloatFormat(4, 3)|}] public readonly struct X { }",
            "[FloatFormat] is on 'X', which is not partial; the generator adds the format's members in another part. Add 'partial': 'public readonly partial struct X'.");

        [Fact]
        public void NF0001_RecordStruct() => Verify(
            "[{|NF0001:FloatFormat(4, 3)|}] public readonly partial record struct X { }",
            "[FloatFormat] is on 'X', which is a record struct; the generated part supplies equality, hashing and ToString, which would collide with the record's. Write 'public readonly partial struct X' instead.");

        [Fact]
        public void NF0001_RefStruct() => Verify(
            "[{|NF0001:FloatFormat(4, 3)|}] public ref partial struct X { }",
            "[FloatFormat] is on 'X', which is a ref struct; a format type must be usable in arrays, spans and generic math. Remove 'ref': 'public readonly partial struct X'.");

        [Fact]
        public void NF0001_FileLocalStruct() => Verify(
            "[{|NF0001:FloatFormat(4, 3)|}] file partial struct X { }",
            "[FloatFormat] is on 'X', which is file-local; the generated part lives in another file and cannot see it. Remove 'file' and use 'internal' instead.");

        [Fact]
        public void NF0002_GenericStruct() => Verify(
            "[{|NF0002:FloatFormat(4, 3)|}] public partial struct X<T> { }",
            "[FloatFormat] is on 'X', which is generic; a format type cannot have type parameters. Remove them, and declare one struct per format.");

        [Fact]
        public void NF0002_NestedInNonPartialClass() => Verify(
            "public class Outer { [{|NF0002:FloatFormat(4, 3)|}] public partial struct X { } }",
            "[FloatFormat] is on 'X', which is nested in 'Outer', which is not partial; the generated part must re-open 'Outer'. Add 'partial' to 'Outer', or move 'X' out of it.");

        [Fact]
        public void NF0002_NestedInGenericPartialClass() => Verify(
            "public partial class Outer<T> { [{|NF0002:FloatFormat(4, 3)|}] public partial struct X { } }",
            "[FloatFormat] is on 'X', which is nested in the generic type 'Outer'; a format type cannot be nested in a generic type. Move 'X' out of 'Outer'.");

        [Fact]
        public void NF0003_FloatAndPositFormat() => Verify(
            """
            [{|NF0003:FloatFormat(4, 3)|}, PositFormat(8)] public partial struct X { }
            namespace NumForge
            {
                [System.AttributeUsage(System.AttributeTargets.Struct)]
                internal sealed class PositFormatAttribute : System.Attribute { public PositFormatAttribute(int bits) { } }
            }
            """,
            "'X' has 2 format attributes (FloatFormat, PositFormat); a type has exactly one format. Keep one, and declare any other format on a partial struct of its own.");

        [Fact]
        public void NF0003_FloatFormatOnTwoPartialDeclarations() => Verify(
            """
            [{|NF0003:FloatFormat(4, 3)|}] public partial struct X { }
            [{|NF0003:FloatFormat(5, 2)|}] public partial struct X { }
            """,
            "'X' has 2 format attributes (FloatFormat, FloatFormat); a type has exactly one format. Keep one, and declare any other format on a partial struct of its own.",
            "'X' has 2 format attributes (FloatFormat, FloatFormat); a type has exactly one format. Keep one, and declare any other format on a partial struct of its own.");

        [Fact]
        public void NF0004_FieldNamedLikeTheGeneratedField() => Verify(
            "[{|NF0004:FloatFormat(4, 3)|}] public readonly partial struct X { private readonly byte _bits; }",
            "'X' declares a member named '_bits', which the generated [FloatFormat] part needs for itself; rename it.");

        [Fact]
        public void NF0004_OnePerReservedNameWhateverTheKindOrParameters() => Verify(
            """
            [{|NF0004:{|NF0004:{|NF0004:FloatFormat(4, 3)|}|}|}]
            public partial struct X
            {
                public struct Traits { }
                public static X FromCode(int code) => default;
                public static X FromCode(long code) => default;
                public string Code => "x";
            }
            """,
            "'X' declares a member named 'Code', which the generated [FloatFormat] part needs for itself; rename it.",
            "'X' declares a member named 'FromCode', which the generated [FloatFormat] part needs for itself; rename it.",
            "'X' declares a member named 'Traits', which the generated [FloatFormat] part needs for itself; rename it.");

        [Fact]
        public void TargetAndSpecProblemsAreBothReported() => Verify(
            "[{|NF0010:{|NF0001:FloatFormat(0, 3)|}|}] public struct X { }",
            "[FloatFormat] is on 'X', which is not partial; the generator adds the format's members in another part. Add 'partial': 'public partial struct X'.",
            "exponentBits is 0; it must be between 1 and 11 so that every value is an exact double.");

        [Theory]
        [InlineData("[FloatFormat(4, Bits)] public partial struct X { static int Bits = 3; }")]
        [InlineData("[FloatFormat(4, 3, Bias = X.B)] public partial struct X { public static int B => 7; }")]
        [InlineData("[FloatFormat(4, \"3\")] public partial struct X { }")]
        [InlineData("[FloatFormat(4)] public partial struct X { }")]
        [InlineData("[FloatFormat(4, 3, Specials = Nope)] public partial struct X { }")]
        [InlineData("[FloatFormat(4, 3, Signed = 1)] public partial struct X { }")]
        [InlineData("[FloatFormat(4, 3, Unknown = 1)] public partial struct X { }")]
        [InlineData("[FloatFormat(4, ")]
        [InlineData("[FloatFormat(4, 3)] public partial struct")]
        public void ArgumentsInErrorGiveNothingAndDoNotCrash(string source)
        {
            var outcome = GeneratorHarness.Run(Usings + source);
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Empty(outcome.Sources);
            Assert.Contains(outcome.Input.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        }

        [Fact]
        public void ValidSpecReportsNothing()
        {
            var outcome = GeneratorHarness.Run(Usings + "[FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)] public readonly partial struct X { }");
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Single(outcome.Sources);
        }

        [Fact]
        public void AnUnknownSpecProblemIdBecomesAnInternalError()
        {
            var diagnostic = DiagnosticDescriptors.ForSpecProblem(Families.Float.FloatFamily.Instance.Descriptors, new NumForge.CompilerServices.SpecProblem("NF0777", "something new"), null).ToDiagnostic();
            Assert.Equal("NF0099", diagnostic.Id);
            Assert.Equal("Spec problem NF0777 has no diagnostic descriptor: something new", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Location.None, diagnostic.Location);
        }

        [Fact]
        public void AnExceptionBecomesNF0099()
        {
            var info = FormatPipeline.InternalError(Families.Float.FloatFamily.Instance, new InvalidOperationException("boom"), null);
            var diagnostic = info.ToDiagnostic();
            Assert.Equal("NF0099", diagnostic.Id);
            Assert.Equal(
                "The NumForge generator failed while reading [FloatFormat] and generated nothing for this type: System.InvalidOperationException: boom",
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

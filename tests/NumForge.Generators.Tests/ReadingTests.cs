using System.Linq;
using NumForge.Generators.Families.Float;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>What the reader puts into the model: the spec as written and the target as plain data.</summary>
    public class ReadingTests
    {
        internal static FloatFormatModel[] Models(GeneratorOutcome outcome) => outcome.Result.TrackedSteps[TrackingNames.Models]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value).OfType<FloatFormatModel>()
            .ToArray();

        [Fact]
        public void ReadsConstructorAndNamedArguments()
        {
            var model = Models(GeneratorHarness.Run("""
                using NumForge;
                [FloatFormat(8, 0, Bias = 127, Signed = false, Subnormals = false, Specials = SpecialValues.FiniteNaN, Overflow = OverflowBehavior.Saturate)]
                public readonly partial struct E8M0 { }
                """)).Single();

            Assert.Equal(8, model.ExponentBits);
            Assert.Equal(0, model.MantissaBits);
            Assert.Equal(127, model.Bias);
            Assert.False(model.Signed);
            Assert.False(model.Subnormals);
            Assert.Equal(SpecialValues.FiniteNaN, model.Specials);
            Assert.Equal(OverflowBehavior.Saturate, model.Overflow);
        }

        [Fact]
        public void DefaultsMatchTheAttribute()
        {
            var model = Models(GeneratorHarness.Run("[NumForge.FloatFormat(mantissaBits: 2, exponentBits: 5)] partial struct E5M2 { }")).Single();

            Assert.Equal(5, model.ExponentBits);
            Assert.Equal(2, model.MantissaBits);
            Assert.Equal(15, model.Bias);
            Assert.True(model.Signed);
            Assert.True(model.Subnormals);
            Assert.Equal(SpecialValues.Ieee, model.Specials);
            Assert.Equal(OverflowBehavior.Default, model.Overflow);

            var target = model.Target;
            Assert.Null(target.Namespace);
            Assert.Equal("E5M2", target.Name);
            Assert.Equal("internal", target.Accessibility);
            Assert.False(target.IsReadOnly);
            Assert.Empty(target.ContainingTypes);
            Assert.Equal("E5M2", target.FullName);
        }

        [Fact]
        public void ReadsAFileScopedNamespace()
        {
            var target = Models(GeneratorHarness.Run("""
                namespace My.Formats;
                [NumForge.FloatFormat(5, 10)] public readonly partial struct Half2 { }
                """)).Single().Target;

            Assert.Equal("My.Formats", target.Namespace);
            Assert.Equal("public", target.Accessibility);
            Assert.True(target.IsReadOnly);
            Assert.Equal("My.Formats.Half2", target.FullName);
        }

        [Fact]
        public void ReadsBlockNamespacesAndNestedPartialTypes()
        {
            var target = Models(GeneratorHarness.Run("""
                namespace A
                {
                    namespace B
                    {
                        public static partial class Outer
                        {
                            internal partial record struct Middle
                            {
                                [NumForge.FloatFormat(4, 3)] private partial struct F { }
                            }
                        }
                    }
                }
                """)).Single().Target;

            Assert.Equal("A.B", target.Namespace);
            Assert.Equal("private", target.Accessibility);
            Assert.Equal(new[] { "static partial class Outer", "partial record struct Middle" }, target.ContainingTypes.ToArray());
            Assert.Equal("A.B.Outer.Middle.F", target.FullName);
        }

        [Theory]
        [InlineData("protected", "protected")]
        [InlineData("protected internal", "protected internal")]
        [InlineData("private protected", "private protected")]
        [InlineData("internal", "internal")]
        [InlineData("public", "public")]
        public void KeepsTheAccessibilityOfNestedTypes(string written, string read)
        {
            var target = Models(GeneratorHarness.Run($"public partial class Outer {{ [NumForge.FloatFormat(4, 3)] {written} partial struct F {{ }} }}")).Single().Target;
            Assert.Equal(read, target.Accessibility);
            Assert.Equal(new[] { "partial class Outer" }, target.ContainingTypes.ToArray());
        }

        [Fact]
        public void CollectsUserMembersAndInterfacesFromEveryPart()
        {
            var target = Models(GeneratorHarness.Run(
                """
                using System;
                [NumForge.FloatFormat(4, 3)]
                public readonly partial struct F : IFormattable
                {
                    public F(int unused) { }
                    public override string ToString() => "F";
                    public string ToString(string? format, IFormatProvider? provider) => "F";
                    public static F operator +(F left, F right) => left;
                }
                """,
                """
                public readonly partial struct F : System.IComparable
                {
                    public int CompareTo(object? other) => 0;
                    public bool IsSmall => true;
                    public sealed class Nested { }
                }
                """)).Single().Target;

            Assert.Equal(
                new[]
                {
                    "M:.ctor(System.Int32)",
                    "M:CompareTo(System.Object)",
                    "M:ToString()",
                    "M:ToString(System.String,System.IFormatProvider)",
                    "M:op_Addition(F,F)",
                    "P:IsSmall",
                    "T:Nested",
                },
                target.UserMembers.ToArray());
            Assert.Equal(new[] { "global::System.IComparable", "global::System.IFormattable" }, target.UserInterfaces.ToArray());
        }

        [Fact]
        public void KeysMethodsBySignatureAndConversionsByBothTypes()
        {
            var target = Models(GeneratorHarness.Run("""
                using System;
                namespace My.App
                {
                    public partial class Outer
                    {
                        [NumForge.FloatFormat(4, 3)]
                        public readonly partial struct F : System.Numerics.IAdditiveIdentity<F, F>
                        {
                            private readonly int _unused;
                            public static explicit operator F(float value) => default;
                            public static implicit operator double(F value) => 0;
                            public static F operator checked -(F value) => value;
                            public static F Create<TOther>(TOther value, TOther[] values) => default;
                            public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out F result) { result = default; return false; }
                            public static int? Twice(ref int? value, (int A, string B) pair) => value;
                            static F System.Numerics.IAdditiveIdentity<F, F>.AdditiveIdentity => default;
                            public int this[int index] => index;
                            public event Action? Changed;
                        }
                    }
                }
                """)).Single().Target;

            Assert.Equal(
                new[]
                {
                    "E:Changed",
                    "F:_unused",
                    "M:Create``1(``0,``0[])",
                    "M:TryParse(System.ReadOnlySpan<System.Char>,System.IFormatProvider,My.App.Outer.F@)",
                    "M:Twice(System.Nullable<System.Int32>@,System.ValueTuple<System.Int32,System.String>)",
                    "M:op_CheckedUnaryNegation(My.App.Outer.F)",
                    "M:op_Explicit(System.Single)->My.App.Outer.F",
                    "M:op_Implicit(My.App.Outer.F)->System.Double",
                    "P:AdditiveIdentity",
                    "P:Item",
                },
                target.UserMembers.ToArray());
        }

        [Fact]
        public void EachFormatGetsItsOwnModel()
        {
            var models = Models(GeneratorHarness.Run("""
                using NumForge;
                [FloatFormat(4, 3)] partial struct A { }
                [FloatFormat(5, 2)] partial struct B { }
                [FloatFormat(0, 2)] partial struct Invalid { }
                """));

            Assert.Equal(new[] { "A", "B" }, models.Select(m => m.Target.Name).OrderBy(n => n).ToArray());
        }
    }
}

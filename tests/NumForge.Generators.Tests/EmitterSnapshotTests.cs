using System.Linq;
using NumForge.Generators.Families.Float;
using NumForge.Generators.Families.Integer;
using NumForge.Generators.Families.Posit;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Tests
{
    /// <summary>
    /// The emitters alone, from hand-built models (no compilation, no driver): the same model a declaration reads to
    /// must give the same text as the whole generator (the golden files), and a target that declares members of its
    /// own gets a part without them (its own snapshot).
    /// </summary>
    public class EmitterSnapshotTests
    {
        private static TargetType Target(string name, bool isReadOnly = true, string[]? containing = null, string[]? members = null, string[]? interfaces = null) => new(
            "Golden",
            name,
            "public",
            isReadOnly,
            (containing ?? new string[0]).ToEquatableArray(),
            (members ?? new string[0]).ToEquatableArray(),
            (interfaces ?? new string[0]).ToEquatableArray());

        [Fact]
        public void FloatModelGivesTheGoldenText()
        {
            var model = new FloatFormatModel(Target("Float8E4M3FN"), 4, 3, 7, true, true, SpecialValues.FiniteNaN, OverflowBehavior.Default);
            GoldenTests.AssertMatchesGolden("Float8E4M3FN.g.cs.txt", FloatFamily.Instance.Emit(model));
        }

        [Fact]
        public void NestedFloatModelGivesTheGoldenText()
        {
            var model = new FloatFormatModel(Target("Float6E3M2FN", isReadOnly: false, containing: new[] { "static partial class Formats" }), 3, 2, 3, true, true, SpecialValues.Finite, OverflowBehavior.Default);
            GoldenTests.AssertMatchesGolden("Nested.g.cs.txt", FloatFamily.Instance.Emit(model));
        }

        [Fact]
        public void PositModelGivesTheGoldenText()
        {
            var model = new PositFormatModel(Target("Posit16"), 16, 2);
            GoldenTests.AssertMatchesGolden("Posit16.g.cs.txt", PositFamily.Instance.Emit(model));
        }

        [Fact]
        public void IntModelGivesTheGoldenText()
        {
            var model = new IntFormatModel(Target("Int4"), 4, true);
            GoldenTests.AssertMatchesGolden("Int4.g.cs.txt", IntFamily.Instance.Emit(model));
        }

        [Fact]
        public void IntUserMembersAndInterfacesAreLeftOut()
        {
            var target = Target(
                "UInt6",
                isReadOnly: false,
                members: new[] { "M:ToString()", "M:op_Implicit(Golden.UInt6)->System.Int32", "M:op_CheckedAddition(Golden.UInt6,Golden.UInt6)", "P:MaxValue" },
                interfaces: new[] { "global::System.IComparable" });
            string text = IntFamily.Instance.Emit(new IntFormatModel(target, 6, false));
            Assert.DoesNotContain("override string ToString()", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain(" MaxValue => FromCode", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("operator int(", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("operator checked +(", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain(", global::System.IComparable\n", text, System.StringComparison.Ordinal);
            Assert.Contains("operator +(global::Golden.UInt6 left", text, System.StringComparison.Ordinal);
            Assert.Contains("global::System.Numerics.IUnsignedNumber<global::Golden.UInt6>", text, System.StringComparison.Ordinal);
            Assert.Contains(" MinValue => FromCode", text, System.StringComparison.Ordinal);
            GoldenTests.AssertMatchesGolden("Snapshot.IntWithUserMembers.g.cs.txt", text);
        }

        [Fact]
        public void UserMembersAndInterfacesAreLeftOut()
        {
            var target = Target(
                "Float8E4M3FN",
                members: new[] { "M:ToString()", "M:op_Explicit(System.Single)->Golden.Float8E4M3FN", "P:MaxValue", "M:Parse(System.String)" },
                interfaces: new[] { "global::System.IComparable" });
            var model = new FloatFormatModel(target, 4, 3, 7, true, true, SpecialValues.FiniteNaN, OverflowBehavior.Default);
            string text = FloatFamily.Instance.Emit(model);
            Assert.DoesNotContain("override string ToString()", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain(" MaxValue =>", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("Float8E4M3FN(float value)", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("Parse(string s) =>", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain(", global::System.IComparable\n", text, System.StringComparison.Ordinal);
            Assert.Contains("string ToString(global::System.IFormatProvider? provider)", text, System.StringComparison.Ordinal);
            Assert.Contains("Float8E4M3FN(double value)", text, System.StringComparison.Ordinal);
            GoldenTests.AssertMatchesGolden("Snapshot.FloatWithUserMembers.g.cs.txt", text);
        }
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>
    /// The emitter keys what it writes from syntax and the reader keys the user's members from symbols: the two must
    /// agree, or a user's member would be written twice. Checked on every member of every golden format.
    /// </summary>
    public class MemberKeyTests
    {
        [Fact]
        public void KeysFromSyntaxMatchKeysFromSymbolsForEveryGeneratedMember()
        {
            var outcome = GeneratorHarness.Run(TestFormats.Golden.Select(c => c.Source).ToArray());
            int checkedMembers = 0;
            foreach (var generated in outcome.Sources)
            {
                var tree = outcome.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(generated.HintName, System.StringComparison.Ordinal));
                var model = outcome.Output.GetSemanticModel(tree);
                var format = tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>().First(s => s.Identifier.ValueText != "Traits");
                foreach (var member in format.Members)
                {
                    var symbols = member is BaseFieldDeclarationSyntax field
                        ? field.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)!).ToArray()
                        : new[] { model.GetDeclaredSymbol(member)! };
                    Assert.Equal(symbols.Select(MemberKey.OfSymbol).ToArray(), MemberKey.OfSyntax(member).ToArray());
                    checkedMembers++;
                }
            }

            Assert.True(checkedMembers > 200 * TestFormats.Golden.Length, $"only {checkedMembers} members checked");
        }

        [Fact]
        public void ParseMembersSplitsABlockIntoMembersWithTheirDocs()
        {
            var members = MemberKey.ParseMembers("""
                /// <summary>One.</summary>
                public static int One() => 1;

                /// <summary>Two.</summary>
                /// <param name="x">Ignored.</param>
                public static int One(int x) => 2;

                public static explicit operator int(global::My.F value) => 0;
                """.Replace("\r\n", "\n", System.StringComparison.Ordinal));

            Assert.Equal(3, members.Count);
            Assert.Equal("/// <summary>One.</summary>\npublic static int One() => 1;", members[0].Text);
            Assert.Equal("/// <summary>Two.</summary>\n/// <param name=\"x\">Ignored.</param>\npublic static int One(int x) => 2;", members[1].Text);
            Assert.Equal("public static explicit operator int(global::My.F value) => 0;", members[2].Text);
            Assert.Equal(new[] { "M:One()" }, members[0].Keys);
            Assert.Equal(new[] { "M:One(System.Int32)" }, members[1].Keys);
            Assert.Equal(new[] { "M:op_Explicit(My.F)->System.Int32" }, members[2].Keys);
        }

        [Fact]
        public void ConversionsCollideWhateverTheirKind()
        {
            Assert.Equal(new[] { "M:op_Explicit(A)->B", "M:op_Implicit(A)->B" }, MemberKey.CollidingKeys("M:op_Explicit(A)->B").ToArray());
            Assert.Equal(new[] { "M:op_Implicit(A)->B", "M:op_Explicit(A)->B" }, MemberKey.CollidingKeys("M:op_Implicit(A)->B").ToArray());
            Assert.Equal(new[] { "M:op_CheckedExplicit(A)->B", "M:op_Implicit(A)->B" }, MemberKey.CollidingKeys("M:op_CheckedExplicit(A)->B").ToArray());
            Assert.Equal(new[] { "M:Parse(System.String)" }, MemberKey.CollidingKeys("M:Parse(System.String)").ToArray());
            Assert.Equal("CreateChecked", MemberKey.NameOf("M:CreateChecked``1(``0)"));
            Assert.Equal("MaxValue", MemberKey.NameOf("P:MaxValue"));
        }
    }
}

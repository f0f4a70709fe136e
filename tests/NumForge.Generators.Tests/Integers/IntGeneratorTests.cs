using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NumForge.Generators.Pipeline;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests.Integers
{
    /// <summary>The integer generator: diagnostics with their locations, clean compile-and-run of generated types, caching.</summary>
    public class IntGeneratorTests
    {
        internal static (Compilation Output, GeneratorRunResult Result) Run(params string[] sources)
        {
            var outcome = GeneratorHarness.Run(sources);
            return (outcome.Output, outcome.Result);
        }

        private static void Verify(string markup, params string[] messages) => MarkedDiagnostics.Verify(markup, messages);

        [Theory]
        [InlineData(0)]
        [InlineData(9)]
        [InlineData(-1)]
        [InlineData(64)]
        public void NF0030_bits_out_of_range(int bits) => Verify(
            $"[{{|NF0030:IntFormat({bits})|}}] public partial struct X {{ }}",
            $"bits is {bits}; an integer format must be between 1 and 8 bits wide (its value sits in one byte). Use sbyte/byte for 8 bits and short/ushort or wider .NET types beyond.");

        [Fact]
        public void NF0030_with_Signed_false_too() => Verify(
            "[{|NF0030:IntFormat(12, Signed = false)|}] public readonly partial struct X { }",
            "bits is 12; an integer format must be between 1 and 8 bits wide (its value sits in one byte). Use sbyte/byte for 8 bits and short/ushort or wider .NET types beyond.");

        [Fact]
        public void NF0001_on_a_class_and_on_a_struct_that_is_not_partial() => Verify(
            """
            [{|NF0001:IntFormat(4)|}] public partial class C { }
            [{|NF0001:IntFormat(4)|}] public struct S { }
            """,
            "[IntFormat] is on 'C', which is a class; a format must be a partial struct. Write 'public readonly partial struct C' instead.",
            "[IntFormat] is on 'S', which is not partial; the generator adds the format's members in another part. Add 'partial': 'public partial struct S'.");

        [Fact]
        public void NF0004_for_a_user_member_named_like_the_plumbing() => Verify(
            "[{|NF0004:IntFormat(4)|}] public partial struct X { private static X FromCode(byte code) => default; }",
            "'X' declares a member named 'FromCode', which the generated [IntFormat] part needs for itself; rename it.");

        [Fact]
        public void Signed_one_bit_is_a_valid_spec()
        {
            var (output, result) = Run("/// <summary>I1.</summary>\n[NumForge.IntFormat(1)] public readonly partial struct I1 { }");
            Assert.Empty(result.Diagnostics);
            Assert.Single(result.GeneratedSources);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        /// <summary>A generated [IntFormat(5)] and [IntFormat(6, Signed = false)], used by compiled code and run.</summary>
        private const string Program = """
            using System;
            using System.Globalization;
            using NumForge;

            namespace Probe
            {
                /// <summary>Five bits.</summary>
                [IntFormat(5)]
                public readonly partial struct Int5
                {
                    /// <summary>The user's ToString wins over the generated one.</summary>
                    public override string ToString() => "Int5:" + ((int)this).ToString(CultureInfo.InvariantCulture);
                }

                /// <summary>Holder.</summary>
                public static partial class Holder
                {
                    /// <summary>Six unsigned bits, nested.</summary>
                    [IntFormat(6, Signed = false)]
                    internal partial struct UInt6 { }
                }

                /// <summary>Runs the types.</summary>
                public static class Runner
                {
                    /// <summary>Results, one per line.</summary>
                    public static string Run()
                    {
                        var lines = new System.Collections.Generic.List<string>();
                        Int5 a = (Int5)15;
                        lines.Add(((int)(a + (Int5)1)).ToString(CultureInfo.InvariantCulture));
                        lines.Add(((int)(Int5)40).ToString(CultureInfo.InvariantCulture));
                        try { _ = checked(a + (Int5)1); lines.Add("no throw"); } catch (OverflowException) { lines.Add("overflow"); }
                        lines.Add(a.ToString());
                        lines.Add(Int5.MinValue.ToString("X", CultureInfo.InvariantCulture));
                        int widened = Int5.MinValue;
                        lines.Add(widened.ToString(CultureInfo.InvariantCulture));
                        Holder.UInt6 u = (Holder.UInt6)70;
                        lines.Add(((int)u).ToString(CultureInfo.InvariantCulture));
                        byte b = Holder.UInt6.MaxValue;
                        lines.Add(b.ToString(CultureInfo.InvariantCulture));
                        var quantized = new Int5[3];
                        Int5.ConvertFrom(new[] { 2.5f, -100f, float.NaN }, quantized);
                        lines.Add(string.Join(",", Array.ConvertAll(quantized, v => ((int)v).ToString(CultureInfo.InvariantCulture))));
                        var packed = new byte[Int5.PackedLength(3)];
                        Int5.Pack(quantized, packed);
                        lines.Add(Convert.ToHexString(packed));
                        lines.Add(Int5.Info.Summary);
                        lines.Add(Sum<Holder.UInt6>(60, 5).ToString());
                        try { Holder.UInt6.Parse("64"); lines.Add("parsed"); } catch (OverflowException) { lines.Add("overflow"); }
                        return string.Join("\n", lines);
                    }

                    private static T Sum<T>(int x, int y) where T : System.Numerics.IBinaryInteger<T> => T.CreateTruncating(x) + T.CreateTruncating(y);
                }
            }
            """;

        [Fact]
        public void Generated_types_compile_without_warnings_and_run()
        {
            var outcome = GeneratorHarness.Run(Program);
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Equal(2, outcome.Sources.Count);
            Assert.Contains(outcome.Sources, s => s.HintName == "Probe.Int5.g.cs");
            Assert.Contains(outcome.Sources, s => s.HintName == "Probe.Holder.UInt6.g.cs");
            Assert.Empty(outcome.CompilationProblems);
            GeneratorHarness.AssertHouseStyle(outcome.Sources);
            string run = outcome.RunProbe();
            Assert.Equal(
                string.Join("\n", "-16", "8", "overflow", "Int5:15", "10", "-16", "6", "63", "2,-16,0", "0202", "signed 5-bit integer, -16 to 15", "1", "overflow"),
                run);
        }

        [Fact]
        public void A_second_run_after_an_unrelated_edit_is_cached()
        {
            // The one caching helper: every tracking name (found by reflection) Cached or Unchanged, no symbol in any step.
            var first = IncrementalCaching.AssertCachedAfterUnrelatedEdit(Program, "[NumForge.IntFormat(0)] public readonly partial struct Broken { }");
            Assert.Equal(2, first.GeneratedSources.Length);
            Assert.Equal("NF0030", Assert.Single(first.Diagnostics).Id);
        }

        [Fact]
        public void Generation_is_deterministic()
        {
            string first = Run(Program).Result.GeneratedSources[0].SourceText.ToString();
            string second = Run(Program).Result.GeneratedSources[0].SourceText.ToString();
            Assert.Equal(first, second);
            Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        }
    }
}

using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NumForge.Generators.Tests.Infrastructure;

namespace NumForge.Generators.Tests
{
    /// <summary>
    /// Every golden format, plus formats in the global namespace and nested in a struct, compiled once into one
    /// assembly (compiling the generated surface is the slow part) and loaded into a collectible context.
    /// </summary>
    public sealed class CompiledFormats : IDisposable
    {
        internal const string ExtraSource = """
            /// <summary>Global.</summary>
            [NumForge.FloatFormat(3, 4)]
            public partial struct GlobalE3M4 { }

            /// <summary>Holder.</summary>
            public partial struct Holder
            {
                /// <summary>Nested.</summary>
                [NumForge.FloatFormat(5, 2, Bias = 16, Specials = NumForge.SpecialValues.FiniteNaNUnsignedZero)]
                internal readonly partial struct Inner { }
            }
            """;

        public CompiledFormats()
        {
            Outcome = CompileAndRunTests.CompileClean(TestFormats.Golden.Select(c => c.Source).Append(ExtraSource).ToArray());
            Loaded = new LoadedAssembly(Outcome.EmitImage());
        }

        internal GeneratorOutcome Outcome { get; }

        internal LoadedAssembly Loaded { get; }

        public void Dispose() => Loaded.Dispose();
    }

    /// <summary>
    /// Generated code compiles without a warning (nullable on, warning level 9999, XML docs checked, warnings as
    /// errors) and runs: the emitted assembly is loaded and its members called.
    /// </summary>
    public class CompileAndRunTests : IClassFixture<CompiledFormats>
    {
        private readonly CompiledFormats _compiled;

        public CompileAndRunTests(CompiledFormats compiled)
        {
            _compiled = compiled;
        }

        public static TheoryData<string> Cases => new(TestFormats.Golden.Select(c => c.TypeName).Append("GlobalE3M4").Append("Holder+Inner"));

        internal static GeneratorOutcome CompileClean(params string[] sources)
        {
            var outcome = GeneratorHarness.Run(sources);
            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.NotEmpty(outcome.Sources);
            var problems = outcome.CompilationProblems;
            Assert.True(problems.Count == 0, "Compilation problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(20)));
            return outcome;
        }

        [Fact]
        public void EveryFormatIsGenerated()
        {
            Assert.Equal(TestFormats.Golden.Length + 2, _compiled.Outcome.Sources.Count);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void FormatIsASizedValueTypeAndRoundTripsBits(string typeName)
        {
            var type = _compiled.Loaded.Type(typeName);
            Assert.True(type.IsValueType);

            var fromBits = type.GetMethod("FromBits", BindingFlags.Public | BindingFlags.Static)!;
            var bitsType = fromBits.GetParameters().Single().ParameterType;
            Assert.Equal(System.Runtime.InteropServices.Marshal.SizeOf(bitsType), System.Runtime.InteropServices.Marshal.SizeOf(type));

            var info = type.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            int totalBits = (int)info.GetType().GetProperty("Bits")!.GetValue(info)!;
            ulong max = totalBits >= 64 ? ulong.MaxValue : (1UL << totalBits) - 1;
            foreach (ulong code in new ulong[] { 0, 1, 2, max / 2, max - 1, max })
            {
                object bits = System.Convert.ChangeType(code, bitsType, System.Globalization.CultureInfo.InvariantCulture);
                object value = fromBits.Invoke(null, new[] { bits })!;
                Assert.Equal(type, value.GetType());
                Assert.Equal(bits, type.GetMethod("ToBits")!.Invoke(value, null));
            }
        }

        [Fact]
        public void Float8E4M3FNConvertsAsMlDtypes()
        {
            var type = _compiled.Loaded.Type(TestFormats.Float8E4M3FN.TypeName);

            Assert.Equal((byte)0x7E, Bits(LoadedAssembly.Convert(448f, type)));
            Assert.Equal((byte)0x7E, Bits(LoadedAssembly.Convert(464f, type)));
            Assert.Equal((byte)0x7F, Bits(LoadedAssembly.Convert(465f, type)));
            Assert.Equal((byte)0x38, Bits(LoadedAssembly.Convert(1.0, type)));
            Assert.Equal(448.0, LoadedAssembly.Convert(LoadedAssembly.CallStatic(type, "FromBits", (byte)0x7E)!, typeof(double)));
            Assert.Equal(-0.001953125f, LoadedAssembly.Convert(LoadedAssembly.CallStatic(type, "FromBits", (byte)0x81)!, typeof(float)));
        }

        [Fact]
        public void Binary16AgreesWithSystemHalf()
        {
            var type = _compiled.Loaded.Type(TestFormats.Binary16.TypeName);

            foreach (float f in new[] { 0f, -0f, 1f, -2.5f, 65504f, 65520f, 1e-7f, 5.96e-8f, 3.14159f, float.PositiveInfinity, float.NegativeInfinity, 1e10f })
            {
                ushort expected = BitConverter.HalfToUInt16Bits((Half)f);
                Assert.Equal(expected, Bits(LoadedAssembly.Convert(f, type)));
                object value = LoadedAssembly.CallStatic(type, "FromBits", expected)!;
                Assert.Equal((double)(Half)f, LoadedAssembly.Convert(value, typeof(double)));
            }
        }

        [Fact]
        public void Float4E2M1FNSaturates()
        {
            var type = _compiled.Loaded.Type(TestFormats.Float4E2M1FN.TypeName);
            Assert.Equal((byte)0x7, Bits(LoadedAssembly.Convert(100f, type)));
            Assert.Equal((byte)0xF, Bits(LoadedAssembly.Convert(float.NegativeInfinity, type)));
            Assert.Equal(6.0, LoadedAssembly.Convert(LoadedAssembly.CallStatic(type, "FromBits", (byte)0x7)!, typeof(double)));
        }

        [Fact]
        public void UnsignedE8M0HasNoSign()
        {
            var type = _compiled.Loaded.Type(TestFormats.Float8E8M0FNU.TypeName);
            Assert.Equal((byte)127, Bits(LoadedAssembly.Convert(1f, type)));
            Assert.Equal(Math.Pow(2, 127), LoadedAssembly.Convert(LoadedAssembly.CallStatic(type, "FromBits", (byte)254)!, typeof(double)));
        }

        [Fact]
        public void AStructThatDeclaresItsOwnMembersCompilesCleanly()
        {
            var outcome = CompileClean("""
                using NumForge;

                namespace Users
                {
                    /// <summary>A format with members of its own.</summary>
                    [FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)]
                    public readonly partial struct Mine
                    {
                        /// <summary>The user's constructor.</summary>
                        /// <param name="tag">Ignored.</param>
                        public Mine(string tag)
                        {
                            _ = tag;
                        }

                        /// <summary>A property of the user's.</summary>
                        public bool IsTiny => ToBits() < 8;

                        /// <summary>A helper of the user's.</summary>
                        /// <returns>The bits, doubled.</returns>
                        public int Twice() => ToBits() * 2;

                        /// <summary>The user's own addition, which wins over the generated one.</summary>
                        /// <param name="left">The left operand.</param>
                        /// <param name="right">The right operand.</param>
                        /// <returns>Always <paramref name="left"/>.</returns>
                        public static Mine operator +(Mine left, Mine right) => left;
                    }
                }
                """);

            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var type = loaded.Type("Users.Mine");
            object one = LoadedAssembly.CallStatic(type, "FromBits", (byte)0x38)!;
            object two = LoadedAssembly.CallStatic(type, "FromBits", (byte)0x40)!;
            Assert.Equal(true, type.GetProperty("IsTiny")!.GetValue(LoadedAssembly.CallStatic(type, "FromBits", (byte)3)));
            Assert.Equal(0x70, type.GetMethod("Twice")!.Invoke(one, null));
            Assert.Equal((byte)0x38, Bits(type.GetMethod("op_Addition")!.Invoke(null, new[] { one, two })!));
            Assert.NotNull(Activator.CreateInstance(type, "tag"));
        }

        [Fact(Skip = "Emitter: declaring ToString() leaves out every generated ToString overload, so IFormattable.ToString(string?, IFormatProvider?) is missing (CS0535). Unskip once the emitter skips user members by signature.")]
        public void AStructThatOverridesToStringCompilesCleanly()
        {
            var outcome = CompileClean("""
                /// <summary>A format with its own ToString.</summary>
                [NumForge.FloatFormat(4, 3)]
                public readonly partial struct Mine
                {
                    /// <summary>The user's own text.</summary>
                    /// <returns>Always "mine".</returns>
                    public override string ToString() => "mine";
                }
                """);

            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var type = loaded.Type("Mine");
            Assert.Equal("mine", LoadedAssembly.CallStatic(type, "FromBits", (byte)3)!.ToString());
        }

        private static object Bits(object value) => value.GetType().GetMethod("ToBits")!.Invoke(value, null)!;
    }
}

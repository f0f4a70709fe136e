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

        internal static GeneratorOutcome CompileClean(params string[] sources) => GeneratorHarness.CompileClean(sources);

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

        [Fact]
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

        [Fact]
        public void AUserToStringLeavesTheOtherToStringOverloads()
        {
            var outcome = CompileClean("""
                namespace Users
                {
                    /// <summary>A format with its own parameterless ToString only.</summary>
                    [NumForge.FloatFormat(5, 2)]
                    public readonly partial struct Mine
                    {
                        /// <summary>The user's own text.</summary>
                        /// <returns>Always "mine".</returns>
                        public override string ToString() => "mine";
                    }
                }
                """);

            Assert.Empty(GeneratedMembers(outcome, "ToString()"));
            Assert.Equal(3, GeneratedMembers(outcome, "string ToString(").Length);

            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var type = loaded.Type("Users.Mine");
            object one = LoadedAssembly.CallStatic(type, "FromBits", (byte)0x3C)!;
            Assert.Equal("mine", one.ToString());
            Assert.Equal("1", ((IFormattable)one).ToString(null, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("1.00", ((IFormattable)one).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("1", type.GetMethod("ToString", new[] { typeof(IFormatProvider) })!.Invoke(one, new object?[] { System.Globalization.CultureInfo.InvariantCulture }));
        }

        [Fact]
        public void AUserConversionFromFloatLeavesTheOtherConversions()
        {
            var outcome = CompileClean("""
                namespace Users
                {
                    /// <summary>A format with its own conversions.</summary>
                    [NumForge.FloatFormat(4, 3, Specials = NumForge.SpecialValues.FiniteNaN)]
                    public readonly partial struct Mine
                    {
                        /// <summary>The user's conversion from float: always one.</summary>
                        /// <param name="value">Ignored.</param>
                        public static explicit operator Mine(float value) => FromBits(0x38);

                        /// <summary>The user's conversion to int, implicit: always 7 (so neither generated int conversion is written).</summary>
                        /// <param name="value">Ignored.</param>
                        public static implicit operator int(Mine value) => 7;

                        /// <summary>The user's conversion to long: always 8 (the generated checked one stays).</summary>
                        /// <param name="value">Ignored.</param>
                        public static explicit operator long(Mine value) => 8;
                    }
                }
                """);

            Assert.Empty(GeneratedMembers(outcome, "explicit operator global::Users.Mine(float value)"));
            Assert.Single(GeneratedMembers(outcome, "explicit operator global::Users.Mine(double value)"));
            Assert.Empty(GeneratedMembers(outcome, "operator int("));
            Assert.Empty(GeneratedMembers(outcome, "operator checked int("));
            Assert.Empty(GeneratedMembers(outcome, "explicit operator long("));
            Assert.Single(GeneratedMembers(outcome, "explicit operator checked long("));

            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var type = loaded.Type("Users.Mine");
            Assert.Equal((byte)0x38, Bits(LoadedAssembly.Convert(448f, type)));
            Assert.Equal((byte)0x7E, Bits(LoadedAssembly.Convert(448.0, type)));
            Assert.Equal((byte)0x40, Bits(LoadedAssembly.Convert((short)2, type)));
            object max = LoadedAssembly.Convert(448.0, type);
            Assert.Equal(7, LoadedAssembly.Convert(max, typeof(int)));
            Assert.Equal(8L, LoadedAssembly.Convert(max, typeof(long)));
            Assert.Equal((short)448, LoadedAssembly.Convert(max, typeof(short)));
            Assert.Equal(448f, LoadedAssembly.Convert(max, typeof(float)));
        }

        [Fact]
        public void AUserParseOfAStringLeavesTheOtherParseOverloads()
        {
            var outcome = CompileClean("""
                namespace Users
                {
                    /// <summary>A format with its own Parse(string).</summary>
                    [NumForge.FloatFormat(4, 3, Specials = NumForge.SpecialValues.FiniteNaN)]
                    public readonly partial struct Mine
                    {
                        /// <summary>The user's parser: always the smallest subnormal.</summary>
                        /// <param name="s">Ignored.</param>
                        /// <returns>The value with encoding 1.</returns>
                        public static Mine Parse(string s) => FromBits(1);
                    }
                }
                """);

            Assert.Empty(GeneratedMembers(outcome, "Parse(string s)"));
            Assert.Single(GeneratedMembers(outcome, "Parse(string s, global::System.IFormatProvider? provider)"));

            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var type = loaded.Type("Users.Mine");
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal((byte)1, Bits(type.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { "2" })!));
            Assert.Equal((byte)0x40, Bits(type.GetMethod("Parse", new[] { typeof(string), typeof(IFormatProvider) })!.Invoke(null, new object[] { "2", invariant })!));
            Assert.Equal((byte)0x40, Bits(type.GetMethod("Parse", new[] { typeof(string), typeof(System.Globalization.NumberStyles), typeof(IFormatProvider) })!.Invoke(null, new object[] { "2", System.Globalization.NumberStyles.Float, invariant })!));
        }

        [Fact]
        public void AUserInfoPropertyWins()
        {
            var outcome = CompileClean("""
                namespace Users
                {
                    /// <summary>A format that names itself.</summary>
                    [NumForge.FloatFormat(4, 3, Specials = NumForge.SpecialValues.FiniteNaN)]
                    public readonly partial struct Mine
                    {
                        /// <summary>The user's description.</summary>
                        public static NumForge.FormatInfo Info { get; } = NumForge.FormatInfo.ForFloat<Traits>("My own E4M3", typeof(Mine));
                    }
                }
                """);

            Assert.Empty(GeneratedMembers(outcome, " Info "));

            using var loaded = new LoadedAssembly(outcome.EmitImage());
            var info = loaded.Type("Users.Mine").GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.Equal("My own E4M3", info.GetType().GetProperty("Name")!.GetValue(info));
        }

        /// <summary>The generated declarations (lines that open with an access modifier) that contain <paramref name="text"/>.</summary>
        private static string[] GeneratedMembers(GeneratorOutcome outcome, string text) => outcome.Sources.Single().SourceText.Lines
            .Select(line => line.ToString().Trim())
            .Where(line => (line.StartsWith("public ", StringComparison.Ordinal) || line.StartsWith("static ", StringComparison.Ordinal)) && line.Contains(text, StringComparison.Ordinal))
            .ToArray();

        private static object Bits(object value) => value.GetType().GetMethod("ToBits")!.Invoke(value, null)!;
    }
}

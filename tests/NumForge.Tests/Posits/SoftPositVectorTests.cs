using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NumForge.CompilerServices;
using Xunit;
using Xunit.Abstractions;

namespace NumForge.Tests.Posits
{
    /// <summary>Every SoftPosit vector file in ../shared/vectors (posit8 es=0 and posit16 es=1), line by line.</summary>
    public class SoftPositVectorTests
    {
        private static readonly string[] Handled =
        {
            "p8e0.add", "p8e0.sub", "p8e0.mul", "p8e0.div", "p8e0.sqrt", "p8e0.decode", "p8e0_to_i32", "p8e0_to_i64",
            "f64_to_p8e0", "i32_to_p8e0", "i64_to_p8e0",
            "p16e1.add", "p16e1.sub", "p16e1.mul", "p16e1.div", "p16e1.sqrt", "p16e1.decode", "p16e1_to_i32", "p16e1_to_i64",
            "f64_to_p16e1", "i32_to_p16e1", "i64_to_p16e1", "p16e1.fdp",
        };

        private readonly ITestOutputHelper _output;

        public SoftPositVectorTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Files => Handled.Select(name => new object[] { name });

        [Fact]
        public void EveryPositFileIsHandled()
        {
            var present = Directory.GetFiles(VectorFiles.Directory)
                .Select(Path.GetFileName)
                .Where(f => f!.StartsWith("p8e0", StringComparison.Ordinal) || f.StartsWith("p16e1", StringComparison.Ordinal) || f.Contains("_to_p", StringComparison.Ordinal) || f.StartsWith("p32", StringComparison.Ordinal) || f.StartsWith("p64", StringComparison.Ordinal))
                .Select(f => f!.Replace(".txt.gz", "", StringComparison.Ordinal).Replace(".txt", "", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(Handled.OrderBy(f => f, StringComparer.Ordinal), present);
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void VectorFile(string name)
        {
            List<string[]> lines = VectorFiles.Read(name);
            bool p8 = name.Contains("p8e0", StringComparison.Ordinal);
            var m = new Mismatches(name);
            foreach (string[] f in lines)
            {
                if (p8)
                {
                    CheckLine<P8E0>(name, f, m);
                }
                else
                {
                    CheckLine<P16E1>(name, f, m);
                }
            }

            m.Assert();
            _output.WriteLine($"{name}: {m.Checked} lines passed");
        }

        private static void CheckLine<T>(string name, string[] f, Mismatches m)
            where T : struct, IPositTraits
        {
            string line = string.Join(' ', f);
            string op = name.Contains('.') ? name[(name.IndexOf('.') + 1)..] : name.StartsWith("f64_to", StringComparison.Ordinal) ? "from_f64"
                : name.StartsWith("i32_to", StringComparison.Ordinal) ? "from_i32" : name.StartsWith("i64_to", StringComparison.Ordinal) ? "from_i64"
                : name.EndsWith("_to_i32", StringComparison.Ordinal) ? "to_i32" : "to_i64";
            ulong H(int i) => VectorFiles.Hex(f[i]);
            switch (op)
            {
                case "add":
                    m.Check(PositCodec<T>.Add(H(0), H(1)) == H(2) && PositCodec<T>.AddExact(H(0), H(1)) == H(2), () => line);
                    break;
                case "sub":
                    m.Check(PositCodec<T>.Subtract(H(0), H(1)) == H(2), () => line);
                    break;
                case "mul":
                    m.Check(PositCodec<T>.Multiply(H(0), H(1)) == H(2) && PositCodec<T>.MultiplyExact(H(0), H(1)) == H(2), () => line);
                    break;
                case "div":
                    m.Check(PositCodec<T>.Divide(H(0), H(1)) == H(2) && PositCodec<T>.DivideExact(H(0), H(1)) == H(2), () => line);
                    break;
                case "sqrt":
                    m.Check(PositCodec<T>.Sqrt(H(0)) == H(1) && PositCodec<T>.SqrtExact(H(0)) == H(1), () => line);
                    break;
                case "decode":
                {
                    double expected = BitConverter.UInt64BitsToDouble(H(1));
                    double got = PositCodec<T>.ToDouble(H(0));
                    m.Check(double.IsNaN(expected) ? double.IsNaN(got) : BitConverter.DoubleToUInt64Bits(got) == H(1), () => $"{line}: got {got:R}");
                    break;
                }

                case "to_i32":
                {
                    int got = PositCodec<T>.ToInteger<int>(H(0), MidpointRounding.ToEven);
                    m.Check(got == (int)(uint)H(1), () => $"{line}: got {got}");
                    break;
                }

                case "to_i64":
                {
                    long got = PositCodec<T>.ToInteger<long>(H(0), MidpointRounding.ToEven);
                    m.Check(got == (long)H(1), () => $"{line}: got {got}");
                    break;
                }

                case "from_f64":
                {
                    ulong got = PositCodec<T>.FromDouble(BitConverter.UInt64BitsToDouble(H(0)));
                    m.Check(got == H(1), () => $"{line}: got {Fmt<T>.Hex(got)}");
                    break;
                }

                case "from_i32":
                {
                    ulong got = PositCodec<T>.FromInt64((int)(uint)H(0));
                    m.Check(got == H(1) && PositCodec<T>.FromInteger((int)(uint)H(0)) == H(1), () => $"{line}: got {Fmt<T>.Hex(got)}");
                    break;
                }

                case "from_i64":
                {
                    ulong got = PositCodec<T>.FromInt64((long)H(0));
                    m.Check(got == H(1) && PositCodec<T>.FromInteger((long)H(0)) == H(1) && PositCodec<T>.FromInt128((long)H(0)) == H(1), () => $"{line}: got {Fmt<T>.Hex(got)}");
                    break;
                }

                case "fdp":
                {
                    int count = int.Parse(f[0], System.Globalization.NumberStyles.HexNumber);
                    Assert.Equal(2 * count + 2, f.Length);
                    var a = new ushort[count];
                    var b = new ushort[count];
                    for (int i = 0; i < count; i++)
                    {
                        a[i] = (ushort)H(1 + 2 * i);
                        b[i] = (ushort)H(2 + 2 * i);
                    }

                    ulong got = QuireCodec<T>.DotProduct<ushort>(a, b);
                    m.Check(got == H(f.Length - 1), () => $"{line}: got {Fmt<T>.Hex(got)}");
                    break;
                }

                default:
                    throw new InvalidOperationException($"No handler for {name}");
            }
        }
    }
}

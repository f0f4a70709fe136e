using System;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>
    /// Correctly rounded arithmetic: for every pair of operands of every format of at most 8 bits, x+y, x-y, x×y and
    /// x÷y equal the exact rational result rounded once by the reference (ToEven everywhere; ToZero and the other modes
    /// for some formats); √x for every code in every mode; fused multiply-add on random triples.
    /// </summary>
    public class ArithmeticTests
    {
        public enum Op
        {
            Add,
            Subtract,
            Multiply,
            Divide,
        }

        public static TheoryData<string, MidpointRounding> PairCases()
        {
            var data = new TheoryData<string, MidpointRounding>();
            foreach (FormatSpec spec in Specs.Catalog)
            {
                if (spec.TotalBits <= 8)
                {
                    data.Add(spec.Name, MidpointRounding.ToEven);
                }
            }

            foreach (string name in new[] { "Float8E4M3FN", "Float8E5M2", "Float8E4M3FNUZ", "Float8E8M0FNU", "Float6E3M2FN", "Float4E2M1FN" })
            {
                data.Add(name, MidpointRounding.ToZero);
            }

            // Every mode on a small IEEE format, a FNUZ one and the FP4/FP6 ones (cheap: 256 and 4096 pairs).
            foreach (string name in new[] { "Float8E4M3", "Float8E5M2FNUZ", "Float6E2M3FN", "Float4E2M1FN", "E3M3Bias1", "E5M2Saturating" })
            {
                foreach (MidpointRounding mode in new[] { MidpointRounding.AwayFromZero, MidpointRounding.ToNegativeInfinity, MidpointRounding.ToPositiveInfinity })
                {
                    data.Add(name, mode);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(PairCases))]
        public void AddAndSubtractEveryPair(string name, MidpointRounding mode) => EveryPair(Formats.Get(name), mode, Op.Add, Op.Subtract);

        internal static void EveryPair(FormatUnderTest format, MidpointRounding mode, params Op[] ops)
        {
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} {string.Join("/", ops)} {mode}");
            var values = new ExactValue[format.CodeCount];
            for (ulong c = 0; c < format.CodeCount; c++)
            {
                values[c] = reference.Decode(c);
            }

            for (ulong x = 0; x < format.CodeCount; x++)
            {
                for (ulong y = 0; y < format.CodeCount; y++)
                {
                    foreach (Op op in ops)
                    {
                        ExactValue exact = op switch
                        {
                            Op.Add => ExactFloatReference.Add(values[x], values[y], mode),
                            Op.Subtract => ExactFloatReference.Add(values[x], ExactFloatReference.Negate(values[y]), mode),
                            Op.Multiply => ExactFloatReference.Multiply(values[x], values[y]),
                            _ => ExactFloatReference.Divide(values[x], values[y]),
                        };
                        ulong expected = reference.Round(exact, mode, saturate: false);
                        ulong actual = op switch
                        {
                            Op.Add => format.Add(x, y, mode),
                            Op.Subtract => format.Subtract(x, y, mode),
                            Op.Multiply => format.Multiply(x, y, mode),
                            _ => format.Divide(x, y, mode),
                        };
                        if (!Codes.ArithmeticMatches(reference, exact, expected, actual))
                        {
                            bad.Fail($"{Codes.Describe(format, x)} {op} {Codes.Describe(format, y)}: exact {exact}, expected {Codes.Describe(format, expected)}, got {Codes.Describe(format, actual)}");
                        }
                        else
                        {
                            bad.Check(true, () => string.Empty);
                        }
                    }
                }
            }

            bad.AssertNone();
        }
    }

    public class MultiplyTests
    {
        [Theory]
        [MemberData(nameof(ArithmeticTests.PairCases), MemberType = typeof(ArithmeticTests))]
        public void MultiplyEveryPair(string name, MidpointRounding mode) => ArithmeticTests.EveryPair(Formats.Get(name), mode, ArithmeticTests.Op.Multiply);
    }

    public class DivideTests
    {
        [Theory]
        [MemberData(nameof(ArithmeticTests.PairCases), MemberType = typeof(ArithmeticTests))]
        public void DivideEveryPair(string name, MidpointRounding mode) => ArithmeticTests.EveryPair(Formats.Get(name), mode, ArithmeticTests.Op.Divide);
    }

    public class SqrtAndFmaTests
    {
        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void SqrtOfEveryCodeInEveryMode(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} sqrt");
            // BF16 and TF32: every code in ToEven and ToZero; the directed modes on every 5th code.
            bool wide = format.Spec.TotalBits > 8;
            for (ulong x = 0; x < format.CodeCount; x++)
            {
                ExactValue value = reference.Decode(x);
                foreach (MidpointRounding mode in Formats.AllModes)
                {
                    if (wide && x % 5 != 0 && mode is not (MidpointRounding.ToEven or MidpointRounding.ToZero))
                    {
                        continue;
                    }

                    ulong expected = reference.RoundSqrt(value, mode);
                    ulong actual = format.Sqrt(x, mode);
                    bool ok = value.IsNaN || (value.Negative && !value.IsZero)
                        ? Codes.ArithmeticMatches(reference, ExactValue.NaN(), expected, actual)
                        : actual == expected;
                    bad.Check(ok, () => $"sqrt {Codes.Describe(format, x)} {mode}: expected {Codes.Describe(format, expected)}, got {Codes.Describe(format, actual)}");
                }
            }

            bad.AssertNone();
        }

        [Theory]
        [MemberData(nameof(Formats.Enumerable), MemberType = typeof(Formats))]
        public void FusedMultiplyAddOnRandomTriples(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            var bad = new Mismatches($"{format} FusedMultiplyAdd");
            var random = new Random(4242);
            int count = format.Spec.TotalBits > 8 ? 20000 : 40000;
            for (int i = 0; i < count; i++)
            {
                ulong x = (ulong)random.NextInt64((long)format.CodeCount);
                ulong y = (ulong)random.NextInt64((long)format.CodeCount);
                ulong z;
                ExactValue vx = reference.Decode(x);
                ExactValue vy = reference.Decode(y);
                if (i % 3 == 0 && vx.IsFinite && vy.IsFinite)
                {
                    // Near-cancellation: z close to -(x*y), where the single rounding matters most.
                    ulong near = reference.Round(ExactFloatReference.Negate(ExactFloatReference.Multiply(vx, vy)), MidpointRounding.ToEven, saturate: true);
                    long offset = random.Next(-2, 3);
                    z = (ulong)Math.Clamp((long)near + offset, 0, (long)format.CodeCount - 1);
                }
                else
                {
                    z = (ulong)random.NextInt64((long)format.CodeCount);
                }

                ExactValue vz = reference.Decode(z);
                MidpointRounding mode = Formats.AllModes[i % 5];
                ExactValue exact = ExactFloatReference.FusedMultiplyAdd(vx, vy, vz, mode);
                ulong expected = reference.Round(exact, mode, saturate: false);
                ulong actual = format.FusedMultiplyAdd(x, y, z, mode);
                bad.Check(Codes.ArithmeticMatches(reference, exact, expected, actual), () => $"fma({Codes.Describe(format, x)}, {Codes.Describe(format, y)}, {Codes.Describe(format, z)}) {mode}: exact {exact}, expected {Codes.Describe(format, expected)}, got {Codes.Describe(format, actual)}");
            }

            bad.AssertNone();
        }
    }
}

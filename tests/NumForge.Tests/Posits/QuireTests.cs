using System;
using NumForge.CompilerServices;
using Xunit;

namespace NumForge.Tests.Posits
{
    /// <summary>Quire dot products equal the exact rational dot product rounded once; range, NaR and the quire operations.</summary>
    public class QuireTests
    {
        private static void RandomDotProducts<T>(int count, int seed)
            where T : struct, IPositTraits
        {
            var random = new Random(seed);
            var m = new Mismatches($"{Fmt<T>.Name} dot products");
            for (int i = 0; i < count; i++)
            {
                int length = random.Next(1, 17);
                var a = new ulong[length];
                var b = new ulong[length];
                Rat exact = Rat.Zero;
                for (int j = 0; j < length; j++)
                {
                    do
                    {
                        a[j] = Fmt<T>.Sample(random);
                        b[j] = j % 3 == 1 && j > 0 ? Fmt<T>.Neg(b[j - 1]) : Fmt<T>.Sample(random);  // some cancellation
                        if (j % 3 == 1 && j > 0)
                        {
                            a[j] = a[j - 1];
                        }
                    }
                    while (a[j] == T.NaRCode || b[j] == T.NaRCode);

                    exact += Fmt<T>.Ref.Decode(a[j])!.Value * Fmt<T>.Ref.Decode(b[j])!.Value;
                }

                ulong got = QuireCodec<T>.DotProduct<ulong>(a, b);
                m.Check(Fmt<T>.Ref.IsCorrectRounding(exact, got), () => $"dot of {string.Join(",", a)} · {string.Join(",", b)} = {Fmt<T>.Hex(got)}");

                // The same through the quire handle, with posit sums and a round trip through quire arithmetic.
                Quire<T> q = Quire<T>.Create();
                Quire<T> other = Quire<T>.Create();
                for (int j = 0; j < length; j++)
                {
                    if (j % 2 == 0)
                    {
                        q.AddProduct(a[j], b[j]);
                    }
                    else
                    {
                        other.SubtractProduct(a[j], Fmt<T>.Neg(b[j]));
                    }
                }

                q.Add(other);
                Quire<T> copy = q.Clone();
                copy.Negate();
                copy.Negate();
                m.Check(copy.ToPosit() == got && q.ToPosit() == got, () => $"quire handle, case {i}");
                q.Subtract(copy);
                m.Check(q.IsZero && q.ToPosit() == 0, () => $"q - q != 0, case {i}");
                q.AddPosit(a[0]);
                q.SubtractPosit(b[0]);
                m.Check(Fmt<T>.Ref.IsCorrectRounding(Fmt<T>.Ref.Decode(a[0])!.Value - Fmt<T>.Ref.Decode(b[0])!.Value, q.ToPosit()) || (a[0] == b[0] && q.ToPosit() == 0), () => $"a - b via quire, case {i}");
            }

            m.Assert();
        }

        [Fact] public void P8E0_DotProducts() => RandomDotProducts<P8E0>(4000, 80);

        [Fact] public void P8E2_DotProducts() => RandomDotProducts<P8E2>(4000, 82);

        [Fact] public void P16E1_DotProducts() => RandomDotProducts<P16E1>(4000, 161);

        [Fact] public void P16E2_DotProducts() => RandomDotProducts<P16E2>(4000, 162);

        [Fact] public void P32E2_DotProducts() => RandomDotProducts<P32E2>(3000, 322);

        [Fact] public void P64E2_DotProducts() => RandomDotProducts<P64E2>(1500, 642);

        [Fact]
        public void UnusualShapes_DotProducts()
        {
            RandomDotProducts<P64E0>(500, 640);
            RandomDotProducts<P64E4>(300, 644);
            RandomDotProducts<P12E3>(1000, 123);
            RandomDotProducts<P6E1>(1000, 61);
            RandomDotProducts<P5E4>(1000, 54);
        }

        [Fact]
        public void CarryGuardOverflowMakesNaR()
        {
            // posit<8,0>: quire8 is 32 bits, lowest bit minpos² = 2^-12, maxpos² = 2^12: it holds |sum| < 2^19 = 128 maxpos².
            const ulong maxpos = 0x7F;
            Quire<P8E0> q = Quire<P8E0>.Create();
            for (int i = 0; i < 127; i++)
            {
                q.AddProduct(maxpos, maxpos);
            }

            Assert.False(q.IsNaR);
            Assert.Equal(maxpos, q.ToPosit());
            q.AddProduct(maxpos, maxpos);
            Assert.True(q.IsNaR);
            Assert.Equal(0x80UL, q.ToPosit());
            q.SubtractProduct(maxpos, maxpos);   // NaR is sticky
            Assert.True(q.IsNaR);
            q.Clear();
            Assert.True(q.IsZero);

            for (int i = 0; i < 127; i++)
            {
                q.SubtractProduct(maxpos, maxpos);
            }

            Assert.Equal(0x81UL, q.ToPosit());
            q.SubtractProduct(maxpos, maxpos);   // -2^19 is the NaR pattern itself
            Assert.True(q.IsNaR);

            // A standard 16n-bit quire of posit<16,2>: 256 bits, lowest bit 2^-112, maxpos² = 2^112 at bit 224, 30 carry-guard
            // bits, sign at 255: it holds |sum| < 2^143 = 2^31 maxpos².
            Quire<P16E2> big = Quire<P16E2>.Create();
            Quire<P16E2> unit = Quire<P16E2>.Create();
            unit.AddProduct(0x7FFF, 0x7FFF);
            big.Add(unit);
            for (int i = 0; i < 30; i++)
            {
                big.Add(big);                    // doubles: 2^30 maxpos² after the loop
            }

            Assert.False(big.IsNaR);
            Assert.Equal(0x7FFFUL, big.ToPosit());
            big.Add(big);                        // 2^31 maxpos² leaves the range
            Assert.True(big.IsNaR);
        }

        [Fact]
        public void NaRAndZeroOperands()
        {
            Assert.Equal(0x8000UL, QuireCodec<P16E1>.DotProduct<ushort>(new ushort[] { 0x4000, 0x8000 }, new ushort[] { 0x4000, 0x4000 }));
            Assert.Equal(0UL, QuireCodec<P16E1>.DotProduct<ushort>(ReadOnlySpan<ushort>.Empty, ReadOnlySpan<ushort>.Empty));
            Assert.Equal(0UL, QuireCodec<P16E1>.DotProduct<ushort>(new ushort[] { 0x4000, 0x4000 }, new ushort[] { 0x4000, 0xC000 }));
            Assert.Throws<ArgumentException>(() => QuireCodec<P16E1>.DotProduct<ushort>(new ushort[1], new ushort[2]));
            Quire<P32E2> q = Quire<P32E2>.FromPosit(0x8000_0000);
            Assert.True(q.IsNaR);
            Quire<P32E2> r = Quire<P32E2>.FromPosit(0x4000_0000);
            r.Add(q);
            Assert.True(r.IsNaR);
            Assert.Equal(0x4000_0000UL, QuireCodec<P32E2>.Sum<uint>(new uint[] { 0x4000_0000, 0x4000_0000, 0xC000_0000 }));

            // minpos² is exact in the quire: minpos × minpos + minpos × minpos rounds up to minpos, never to 0.
            Quire<P64E2> tiny = Quire<P64E2>.Create();
            tiny.AddProduct(1, 1);
            Assert.Equal(1UL, tiny.ToPosit());
            tiny.SubtractProduct(1, 1);
            Assert.Equal(0UL, tiny.ToPosit());
        }
    }
}

using System;
using System.Runtime.Intrinsics;
using NumForge.Blocks.Ggml;
using Xunit;

namespace NumForge.Tests.Ggml
{
    /// <summary>
    /// The lane-parallel scale searches (eight sub-blocks, one per vector lane) against the scalar searches, sub-block by
    /// sub-block: the same scales, minimums and levels, bit for bit, on sub-blocks of every input kind.
    /// </summary>
    public unsafe class ScaleSearchLaneTests
    {
        [Theory]
        [InlineData(15, -1f, 0.1f, 20, 32, false)]
        [InlineData(31, -0.5f, 0.1f, 15, 32, false)]
        [InlineData(3, -0.5f, 0.1f, 15, 16, true)]
        public void Make_qkx2_quants_in_lanes_equals_the_scalar_search(int nmax, float rmin, float rdelta, int nstep, int n, bool useMad)
        {
            // Groups of eight sub-blocks; the kinds cycle with a period prime to 8, so every kind meets every lane.
            float[] all = GgmlInputs.Make(1, 8 * 19 * 2, n, GgmlInputs.Kinds);
            for (int group = 0; group < 19 * 2; group++)
            {
                float[] x = all.AsSpan(group * 8 * n, 8 * n).ToArray();
                float[] xt = new float[8 * n], wt = new float[8 * n];
                for (int j = 0; j < 8; j++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        xt[(8 * i) + j] = x[(n * j) + i];

                        // Weights of any positive spread, including repeats; or Q2_K's |x| (zeros included).
                        wt[(8 * i) + j] = useMad ? MathF.Abs(xt[(8 * i) + j]) : 0.5f + ((i * 7 + j + group) % 5);
                    }
                }

                var levels = new Vector256<int>[n];
                Vector256<float> scales, theMin;
                fixed (float* px = xt, pw = wt)
                fixed (Vector256<int>* pl = levels)
                {
                    scales = useMad
                        ? GgmlScaleSearchLanes.MakeQkx2Quants<AbsoluteError>(nmax, n, px, pw, pl, out theMin, rmin, rdelta, nstep)
                        : GgmlScaleSearchLanes.MakeQkx2Quants<SquaredError>(nmax, n, px, pw, pl, out theMin, rmin, rdelta, nstep);
                }

                for (int j = 0; j < 8; j++)
                {
                    float[] w = new float[n];
                    for (int i = 0; i < n; i++)
                    {
                        w[i] = wt[(8 * i) + j];
                    }

                    byte[] expectedLevels = new byte[n];
                    float expected = GgmlScaleSearch.MakeQkx2Quants(nmax, x.AsSpan(n * j, n), w, expectedLevels, out float expectedMin, new byte[n], rmin, rdelta, nstep, useMad);
                    Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(scales[j]));
                    Assert.Equal(BitConverter.SingleToUInt32Bits(expectedMin), BitConverter.SingleToUInt32Bits(theMin[j]));
                    for (int i = 0; i < n; i++)
                    {
                        Assert.Equal(expectedLevels[i], levels[i][j]);
                    }
                }
            }
        }

        [Fact]
        public void Make_qx_quants_in_lanes_equals_the_scalar_search()
        {
            const int n = 16;
            float[] all = GgmlInputs.Make(2, 8 * 19 * 2, n, GgmlInputs.Kinds);
            for (int group = 0; group < 19 * 2; group++)
            {
                float[] x = all.AsSpan(group * 8 * n, 8 * n).ToArray();
                float[] xt = new float[8 * n];
                for (int j = 0; j < 8; j++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        xt[(8 * i) + j] = x[(n * j) + i];
                    }
                }

                var levels = new Vector256<int>[n];
                Vector256<float> scales;
                fixed (float* px = xt)
                fixed (Vector256<int>* pl = levels)
                {
                    scales = GgmlScaleSearchLanes.MakeQxQuants(32, n, px, pl);
                }

                for (int j = 0; j < 8; j++)
                {
                    sbyte[] expectedLevels = new sbyte[n];
                    float expected = GgmlScaleSearch.MakeQxQuants(32, x.AsSpan(n * j, n), expectedLevels);
                    Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(scales[j]));
                    for (int i = 0; i < n; i++)
                    {
                        Assert.Equal(expectedLevels[i], levels[i][j]);
                    }
                }
            }
        }

        [Fact]
        public void Make_q3_quants_in_lanes_equals_the_scalar_search()
        {
            const int n = 16;

            // Sixteen sub-blocks per call (two interleaved groups of eight lanes); 19 kinds cycle through every lane.
            float[] all = GgmlInputs.Make(3, 16 * 19 * 2, n, GgmlInputs.Kinds);
            for (int call = 0; call < 19 * 2; call++)
            {
                float[] x = all.AsSpan(call * 16 * n, 16 * n).ToArray();
                float[] xt = new float[16 * n];
                for (int j = 0; j < 16; j++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        xt[(8 * n * (j >> 3)) + (8 * i) + (j & 7)] = x[(n * j) + i];
                    }
                }

                var levels = new Vector256<int>[2 * n];
                Vector256<float> s0, s1;
                fixed (float* px = xt)
                fixed (Vector256<int>* pl = levels)
                {
                    GgmlScaleSearchLanes.MakeQ3Quants(4, n, px, pl, out s0, out s1);
                }

                for (int j = 0; j < 16; j++)
                {
                    sbyte[] expectedLevels = new sbyte[n];
                    float expected = GgmlScaleSearch.MakeQ3Quants(4, x.AsSpan(n * j, n), expectedLevels);
                    float actual = j < 8 ? s0[j] : s1[j - 8];
                    Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(actual));
                    for (int i = 0; i < n; i++)
                    {
                        Assert.Equal(expectedLevels[i], levels[(n * (j >> 3)) + i][j & 7]);
                    }
                }
            }
        }

        [Fact]
        public void Non_finite_inputs_are_detected()
        {
            float[] x = new float[37];
            Assert.True(GgmlScaleSearchLanes.AllFinite(x));
            foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
            {
                foreach (int at in new[] { 0, 7, 8, 31, 36 })
                {
                    x[at] = bad;
                    Assert.False(GgmlScaleSearchLanes.AllFinite(x));
                    x[at] = 0;
                }
            }
        }
    }
}

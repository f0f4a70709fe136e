using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace NumForge.Analyzers.Tests
{
    /// <summary>NF1003 for state carried through float and back on every iteration: locals, fields, and elements a nested loop revisits.</summary>
    public class NF1003StateTests
    {
        [Fact]
        public Task StateThroughAFloatLocalDeclaredOutside() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Filter(float[] input, float a)
                {
                    Half state = default;
                    float f;
                    for (int t = 0; t < input.Length; t++)
                    {
                        f = (float)state;
                        f = f * a + input[t];
                        {|NF1003:state = (Half)f|};
                    }
                    return state;
                }
            }
            """);

        [Fact]
        public Task FieldState() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                private Half _state;
                void Run(float[] input)
                {
                    foreach (float x in input)
                    {
                        {|NF1003:_state = (Half)((float)_state * 0.9f + x)|};
                    }
                }
            }
            """);

        [Fact]
        public Task ElementStateAcrossTimeStepsWithMessage() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static void Step(Half[] pos, Half[] vel, float damping, int steps)
                {
                    for (int step = 0; step < steps; step++)
                    {
                        for (int i = 0; i < pos.Length; i++)
                        {
                            pos[i] = (Half)((float)pos[i] * damping + (float)vel[i]);
                        }
                    }
                }
            }
            """,
            new DiagnosticResult(Descriptors.NF1003).WithSpan(10, 17, 10, 73).WithArguments("pos[i]", "Half", "a float array (a float copy of 'pos')"));

        [Fact]
        public Task NotFlagged_ConvertedOnceOutsideTheLoop() => Verify.AnalyzerAsync("""
            using System;
            class C
            {
                static Half Filter(float[] input, Half[] y, float a)
                {
                    Half state = default;
                    float f = (float)state;
                    for (int t = 0; t < input.Length; t++)
                    {
                        f = f * a + input[t];
                        y[t] = (Half)f;
                    }
                    state = (Half)f;
                    for (int i = 0; i < y.Length; i++)
                    {
                        y[i] = (Half)((float)y[i] * a);
                    }
                    return state;
                }
            }
            """);
    }
}

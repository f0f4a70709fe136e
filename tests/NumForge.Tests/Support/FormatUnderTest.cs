using System;
using System.Collections.Concurrent;
using System.Numerics;
using NumForge.CompilerServices;

namespace NumForge.Tests.Support
{
    /// <summary>
    /// One format as the tests drive it: codes in, codes out. <see cref="KernelFormat{TTraits, TBits}"/> calls
    /// <see cref="FloatCodec{TTraits}"/> and <see cref="FloatSpan{TTraits}"/> directly; the surface adapters
    /// (Surface/) go through a generated type's public members.
    /// </summary>
    public abstract class FormatUnderTest
    {
        private static readonly ConcurrentDictionary<string, ExactFloatReference> s_references = new();

        protected FormatUnderTest(FormatSpec spec, string route)
        {
            Spec = spec;
            Route = route;
        }

        public FormatSpec Spec { get; }

        /// <summary>How calls reach the kernels: "kernel" (hand traits) or "surface" (the generated type).</summary>
        public string Route { get; }

        public string Name => Spec.Name;

        /// <summary>The exact reference of this spec (shared, built once).</summary>
        public ExactFloatReference Reference => s_references.GetOrAdd(Spec.Name, _ => Spec.CreateReference());

        public ulong CodeCount => 1UL << Spec.TotalBits;

        public abstract double ToDouble(ulong code);

        public abstract float ToSingle(ulong code);

        public abstract ulong FromDouble(double value, MidpointRounding mode, bool saturate);

        public abstract ulong FromSingle(float value, MidpointRounding mode, bool saturate);

        public abstract ulong FromHalf(Half value, MidpointRounding mode, bool saturate);

        /// <summary>The span converter from float (every element rounded once).</summary>
        public abstract ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate);

        /// <summary>The span converter from double.</summary>
        public abstract ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate);

        /// <summary>The span converter to float.</summary>
        public abstract float[] ConvertToSingle(ulong[] codes);

        public abstract ulong Add(ulong x, ulong y, MidpointRounding mode);

        public abstract ulong Subtract(ulong x, ulong y, MidpointRounding mode);

        public abstract ulong Multiply(ulong x, ulong y, MidpointRounding mode);

        public abstract ulong Divide(ulong x, ulong y, MidpointRounding mode);

        public abstract ulong Sqrt(ulong x, MidpointRounding mode);

        public abstract ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode);

        public abstract bool IsNaN(ulong code);

        public override string ToString() => $"{Name} ({Route})";
    }

    /// <summary>Drives <see cref="FloatCodec{TTraits}"/> and <see cref="FloatSpan{TTraits}"/> directly.</summary>
    public sealed class KernelFormat<TTraits, TBits> : FormatUnderTest
        where TTraits : struct, IFloatTraits
        where TBits : unmanaged, IBinaryInteger<TBits>
    {
        public KernelFormat(FormatSpec spec, string route = "kernel")
            : base(spec, route)
        {
        }

        public override double ToDouble(ulong code) => FloatCodec<TTraits>.ToDouble(code);

        public override float ToSingle(ulong code) => FloatCodec<TTraits>.ToSingle(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) => FloatCodec<TTraits>.FromDouble(value, mode, saturate);

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) => FloatCodec<TTraits>.FromSingle(value, mode, saturate);

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) => FloatCodec<TTraits>.FromHalf(value, mode, saturate);

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var bits = new TBits[source.Length];
            FloatSpan<TTraits>.ConvertFromSingle<TBits>(source, bits, mode, saturate);
            return Array.ConvertAll(bits, b => ulong.CreateTruncating(b));
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var bits = new TBits[source.Length];
            FloatSpan<TTraits>.ConvertFromDouble<TBits>(source, bits, mode, saturate);
            return Array.ConvertAll(bits, b => ulong.CreateTruncating(b));
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            TBits[] bits = Array.ConvertAll(codes, c => TBits.CreateTruncating(c));
            var result = new float[codes.Length];
            FloatSpan<TTraits>.ConvertToSingle<TBits>(bits, result);
            return result;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) => FloatCodec<TTraits>.Add(x, y, mode);

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) => FloatCodec<TTraits>.Subtract(x, y, mode);

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) => FloatCodec<TTraits>.Multiply(x, y, mode);

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) => FloatCodec<TTraits>.Divide(x, y, mode);

        public override ulong Sqrt(ulong x, MidpointRounding mode) => FloatCodec<TTraits>.Sqrt(x, mode);

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) => FloatCodec<TTraits>.FusedMultiplyAdd(x, y, z, mode);

        public override bool IsNaN(ulong code) => FloatCodec<TTraits>.IsNaN(code);
    }
}

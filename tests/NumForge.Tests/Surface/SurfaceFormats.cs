// The public-surface route of every float format under test: each adapter drives a generated type only through
// its public members (casts, FromSingle/FromDouble/FromHalf, operators, Add/Subtract/Multiply/Divide/Sqrt/
// FusedMultiplyAdd, span ConvertFrom/ConvertTo). Where two public members must agree (a cast and FromDouble with
// ToEven; an operator and Add with ToEven), an adapter returns Disagreement when they do not, which no reference
// expects, so the sweeps fail on it. Written out per type (generated once from a table by a script) because the
// surface has no common interface for these members.
using System;
using NumForge.Tests.Support;

namespace NumForge.Tests.Surface
{
    /// <summary>The test project's own binary16: must equal System.Half bit for bit.</summary>
    [FloatFormat(5, 10)]
    internal readonly partial struct Binary16
    {
    }

    /// <summary>The test project's own binary32: must equal float bit for bit.</summary>
    [FloatFormat(8, 23)]
    internal readonly partial struct Binary32
    {
    }

    /// <summary>The surface adapters, by format name.</summary>
    public static class SurfaceFormats
    {
        /// <summary>What an adapter returns when two public members that must agree do not.</summary>
        public const ulong Disagreement = 0xDEAD_BEEF_DEAD_BEEFUL;

        private static readonly System.Collections.Generic.Dictionary<string, FormatUnderTest> s_all = new()
        {
            ["BFloat16"] = new BFloat16Surface(),
            ["TensorFloat32"] = new TensorFloat32Surface(),
            ["Float8E5M2"] = new Float8E5M2Surface(),
            ["Float8E4M3"] = new Float8E4M3Surface(),
            ["Float8E3M4"] = new Float8E3M4Surface(),
            ["Float8E4M3FN"] = new Float8E4M3FNSurface(),
            ["Float8E4M3FNUZ"] = new Float8E4M3FNUZSurface(),
            ["Float8E5M2FNUZ"] = new Float8E5M2FNUZSurface(),
            ["Float8E4M3B11FNUZ"] = new Float8E4M3B11FNUZSurface(),
            ["Float8E8M0FNU"] = new Float8E8M0FNUSurface(),
            ["Float6E2M3FN"] = new Float6E2M3FNSurface(),
            ["Float6E3M2FN"] = new Float6E3M2FNSurface(),
            ["Float4E2M1FN"] = new Float4E2M1FNSurface(),
            ["Binary16"] = new Binary16Surface(),
            ["Binary32"] = new Binary32Surface(),
        };

        public static FormatUnderTest? TryGet(string name) => s_all.TryGetValue(name, out FormatUnderTest? f) ? f : null;

        internal static ulong Same(ulong a, ulong b) => a == b ? a : Disagreement;
    }

    internal sealed class BFloat16Surface : FormatUnderTest
    {
        public BFloat16Surface()
            : base(Specs.Get("BFloat16"), "surface")
        {
        }

        private static global::NumForge.BFloat16 V(ulong code) => global::NumForge.BFloat16.FromBits((ushort)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.BFloat16)value).ToBits(), global::NumForge.BFloat16.FromDouble(value, mode).ToBits())
                : global::NumForge.BFloat16.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.BFloat16)value).ToBits(), global::NumForge.BFloat16.FromSingle(value, mode).ToBits())
                : global::NumForge.BFloat16.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.BFloat16)value).ToBits(), global::NumForge.BFloat16.FromHalf(value, mode).ToBits())
                : global::NumForge.BFloat16.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.BFloat16[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.BFloat16.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.BFloat16.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.BFloat16[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.BFloat16.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.BFloat16.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.BFloat16[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.BFloat16.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.BFloat16.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.BFloat16.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.BFloat16.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.BFloat16.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.BFloat16.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.BFloat16.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.BFloat16.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.BFloat16.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.BFloat16.Sqrt(V(x)).ToBits(), global::NumForge.BFloat16.Sqrt(V(x), mode).ToBits())
                : global::NumForge.BFloat16.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.BFloat16.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.BFloat16.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.BFloat16.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.BFloat16.IsNaN(V(code));
    }

    internal sealed class TensorFloat32Surface : FormatUnderTest
    {
        public TensorFloat32Surface()
            : base(Specs.Get("TensorFloat32"), "surface")
        {
        }

        private static global::NumForge.TensorFloat32 V(ulong code) => global::NumForge.TensorFloat32.FromBits((uint)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.TensorFloat32)value).ToBits(), global::NumForge.TensorFloat32.FromDouble(value, mode).ToBits())
                : global::NumForge.TensorFloat32.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.TensorFloat32)value).ToBits(), global::NumForge.TensorFloat32.FromSingle(value, mode).ToBits())
                : global::NumForge.TensorFloat32.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.TensorFloat32)value).ToBits(), global::NumForge.TensorFloat32.FromHalf(value, mode).ToBits())
                : global::NumForge.TensorFloat32.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.TensorFloat32[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.TensorFloat32.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.TensorFloat32.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.TensorFloat32[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.TensorFloat32.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.TensorFloat32.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.TensorFloat32[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.TensorFloat32.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.TensorFloat32.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.TensorFloat32.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.TensorFloat32.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.TensorFloat32.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.TensorFloat32.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.TensorFloat32.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.TensorFloat32.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.TensorFloat32.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.TensorFloat32.Sqrt(V(x)).ToBits(), global::NumForge.TensorFloat32.Sqrt(V(x), mode).ToBits())
                : global::NumForge.TensorFloat32.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.TensorFloat32.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.TensorFloat32.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.TensorFloat32.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.TensorFloat32.IsNaN(V(code));
    }

    internal sealed class Float8E5M2Surface : FormatUnderTest
    {
        public Float8E5M2Surface()
            : base(Specs.Get("Float8E5M2"), "surface")
        {
        }

        private static global::NumForge.Float8E5M2 V(ulong code) => global::NumForge.Float8E5M2.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E5M2)value).ToBits(), global::NumForge.Float8E5M2.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E5M2.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E5M2)value).ToBits(), global::NumForge.Float8E5M2.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E5M2.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E5M2)value).ToBits(), global::NumForge.Float8E5M2.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E5M2.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E5M2[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E5M2.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E5M2.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E5M2[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E5M2.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E5M2.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E5M2[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E5M2.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E5M2.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E5M2.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E5M2.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E5M2.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E5M2.Sqrt(V(x)).ToBits(), global::NumForge.Float8E5M2.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E5M2.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E5M2.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E5M2.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E5M2.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E5M2.IsNaN(V(code));
    }

    internal sealed class Float8E4M3Surface : FormatUnderTest
    {
        public Float8E4M3Surface()
            : base(Specs.Get("Float8E4M3"), "surface")
        {
        }

        private static global::NumForge.Float8E4M3 V(ulong code) => global::NumForge.Float8E4M3.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3)value).ToBits(), global::NumForge.Float8E4M3.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E4M3.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3)value).ToBits(), global::NumForge.Float8E4M3.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E4M3.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3)value).ToBits(), global::NumForge.Float8E4M3.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E4M3.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E4M3[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E4M3.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E4M3.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E4M3.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E4M3.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E4M3.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3.Sqrt(V(x)).ToBits(), global::NumForge.Float8E4M3.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E4M3.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E4M3.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E4M3.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E4M3.IsNaN(V(code));
    }

    internal sealed class Float8E3M4Surface : FormatUnderTest
    {
        public Float8E3M4Surface()
            : base(Specs.Get("Float8E3M4"), "surface")
        {
        }

        private static global::NumForge.Float8E3M4 V(ulong code) => global::NumForge.Float8E3M4.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E3M4)value).ToBits(), global::NumForge.Float8E3M4.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E3M4.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E3M4)value).ToBits(), global::NumForge.Float8E3M4.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E3M4.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E3M4)value).ToBits(), global::NumForge.Float8E3M4.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E3M4.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E3M4[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E3M4.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E3M4.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E3M4[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E3M4.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E3M4.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E3M4[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E3M4.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E3M4.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E3M4.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E3M4.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E3M4.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E3M4.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E3M4.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E3M4.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E3M4.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E3M4.Sqrt(V(x)).ToBits(), global::NumForge.Float8E3M4.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E3M4.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E3M4.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E3M4.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E3M4.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E3M4.IsNaN(V(code));
    }

    internal sealed class Float8E4M3FNSurface : FormatUnderTest
    {
        public Float8E4M3FNSurface()
            : base(Specs.Get("Float8E4M3FN"), "surface")
        {
        }

        private static global::NumForge.Float8E4M3FN V(ulong code) => global::NumForge.Float8E4M3FN.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3FN)value).ToBits(), global::NumForge.Float8E4M3FN.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E4M3FN.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3FN)value).ToBits(), global::NumForge.Float8E4M3FN.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E4M3FN.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3FN)value).ToBits(), global::NumForge.Float8E4M3FN.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E4M3FN.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E4M3FN[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E4M3FN.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E4M3FN.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FN.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E4M3FN.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FN.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E4M3FN.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FN.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E4M3FN.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FN.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3FN.Sqrt(V(x)).ToBits(), global::NumForge.Float8E4M3FN.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E4M3FN.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3FN.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E4M3FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E4M3FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E4M3FN.IsNaN(V(code));
    }

    internal sealed class Float8E4M3FNUZSurface : FormatUnderTest
    {
        public Float8E4M3FNUZSurface()
            : base(Specs.Get("Float8E4M3FNUZ"), "surface")
        {
        }

        private static global::NumForge.Float8E4M3FNUZ V(ulong code) => global::NumForge.Float8E4M3FNUZ.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3FNUZ)value).ToBits(), global::NumForge.Float8E4M3FNUZ.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3FNUZ)value).ToBits(), global::NumForge.Float8E4M3FNUZ.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3FNUZ)value).ToBits(), global::NumForge.Float8E4M3FNUZ.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3FNUZ[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3FNUZ.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3FNUZ.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3FNUZ[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3FNUZ.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3FNUZ.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E4M3FNUZ[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E4M3FNUZ.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E4M3FNUZ.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E4M3FNUZ.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E4M3FNUZ.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E4M3FNUZ.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3FNUZ.Sqrt(V(x)).ToBits(), global::NumForge.Float8E4M3FNUZ.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3FNUZ.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E4M3FNUZ.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E4M3FNUZ.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E4M3FNUZ.IsNaN(V(code));
    }

    internal sealed class Float8E5M2FNUZSurface : FormatUnderTest
    {
        public Float8E5M2FNUZSurface()
            : base(Specs.Get("Float8E5M2FNUZ"), "surface")
        {
        }

        private static global::NumForge.Float8E5M2FNUZ V(ulong code) => global::NumForge.Float8E5M2FNUZ.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E5M2FNUZ)value).ToBits(), global::NumForge.Float8E5M2FNUZ.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E5M2FNUZ)value).ToBits(), global::NumForge.Float8E5M2FNUZ.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E5M2FNUZ)value).ToBits(), global::NumForge.Float8E5M2FNUZ.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E5M2FNUZ[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E5M2FNUZ.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E5M2FNUZ.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E5M2FNUZ[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E5M2FNUZ.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E5M2FNUZ.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E5M2FNUZ[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E5M2FNUZ.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E5M2FNUZ.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E5M2FNUZ.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E5M2FNUZ.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E5M2FNUZ.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E5M2FNUZ.Sqrt(V(x)).ToBits(), global::NumForge.Float8E5M2FNUZ.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E5M2FNUZ.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E5M2FNUZ.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E5M2FNUZ.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E5M2FNUZ.IsNaN(V(code));
    }

    internal sealed class Float8E4M3B11FNUZSurface : FormatUnderTest
    {
        public Float8E4M3B11FNUZSurface()
            : base(Specs.Get("Float8E4M3B11FNUZ"), "surface")
        {
        }

        private static global::NumForge.Float8E4M3B11FNUZ V(ulong code) => global::NumForge.Float8E4M3B11FNUZ.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3B11FNUZ)value).ToBits(), global::NumForge.Float8E4M3B11FNUZ.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3B11FNUZ)value).ToBits(), global::NumForge.Float8E4M3B11FNUZ.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E4M3B11FNUZ)value).ToBits(), global::NumForge.Float8E4M3B11FNUZ.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3B11FNUZ[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3B11FNUZ.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3B11FNUZ.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E4M3B11FNUZ[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E4M3B11FNUZ.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E4M3B11FNUZ.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E4M3B11FNUZ[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E4M3B11FNUZ.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E4M3B11FNUZ.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E4M3B11FNUZ.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E4M3B11FNUZ.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E4M3B11FNUZ.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3B11FNUZ.Sqrt(V(x)).ToBits(), global::NumForge.Float8E4M3B11FNUZ.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E4M3B11FNUZ.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E4M3B11FNUZ.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E4M3B11FNUZ.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E4M3B11FNUZ.IsNaN(V(code));
    }

    internal sealed class Float8E8M0FNUSurface : FormatUnderTest
    {
        public Float8E8M0FNUSurface()
            : base(Specs.Get("Float8E8M0FNU"), "surface")
        {
        }

        private static global::NumForge.Float8E8M0FNU V(ulong code) => global::NumForge.Float8E8M0FNU.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E8M0FNU)value).ToBits(), global::NumForge.Float8E8M0FNU.FromDouble(value, mode).ToBits())
                : global::NumForge.Float8E8M0FNU.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E8M0FNU)value).ToBits(), global::NumForge.Float8E8M0FNU.FromSingle(value, mode).ToBits())
                : global::NumForge.Float8E8M0FNU.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float8E8M0FNU)value).ToBits(), global::NumForge.Float8E8M0FNU.FromHalf(value, mode).ToBits())
                : global::NumForge.Float8E8M0FNU.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E8M0FNU[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E8M0FNU.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E8M0FNU.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float8E8M0FNU[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float8E8M0FNU.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float8E8M0FNU.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float8E8M0FNU[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float8E8M0FNU.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float8E8M0FNU.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E8M0FNU.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float8E8M0FNU.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E8M0FNU.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float8E8M0FNU.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E8M0FNU.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float8E8M0FNU.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float8E8M0FNU.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E8M0FNU.Sqrt(V(x)).ToBits(), global::NumForge.Float8E8M0FNU.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float8E8M0FNU.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float8E8M0FNU.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float8E8M0FNU.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float8E8M0FNU.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float8E8M0FNU.IsNaN(V(code));
    }

    internal sealed class Float6E2M3FNSurface : FormatUnderTest
    {
        public Float6E2M3FNSurface()
            : base(Specs.Get("Float6E2M3FN"), "surface")
        {
        }

        private static global::NumForge.Float6E2M3FN V(ulong code) => global::NumForge.Float6E2M3FN.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float6E2M3FN)value).ToBits(), global::NumForge.Float6E2M3FN.FromDouble(value, mode).ToBits())
                : global::NumForge.Float6E2M3FN.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float6E2M3FN)value).ToBits(), global::NumForge.Float6E2M3FN.FromSingle(value, mode).ToBits())
                : global::NumForge.Float6E2M3FN.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float6E2M3FN)value).ToBits(), global::NumForge.Float6E2M3FN.FromHalf(value, mode).ToBits())
                : global::NumForge.Float6E2M3FN.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float6E2M3FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float6E2M3FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float6E2M3FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float6E2M3FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float6E2M3FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float6E2M3FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float6E2M3FN[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float6E2M3FN.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float6E2M3FN.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E2M3FN.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float6E2M3FN.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E2M3FN.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float6E2M3FN.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E2M3FN.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float6E2M3FN.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E2M3FN.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float6E2M3FN.Sqrt(V(x)).ToBits(), global::NumForge.Float6E2M3FN.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float6E2M3FN.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float6E2M3FN.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float6E2M3FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float6E2M3FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float6E2M3FN.IsNaN(V(code));
    }

    internal sealed class Float6E3M2FNSurface : FormatUnderTest
    {
        public Float6E3M2FNSurface()
            : base(Specs.Get("Float6E3M2FN"), "surface")
        {
        }

        private static global::NumForge.Float6E3M2FN V(ulong code) => global::NumForge.Float6E3M2FN.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float6E3M2FN)value).ToBits(), global::NumForge.Float6E3M2FN.FromDouble(value, mode).ToBits())
                : global::NumForge.Float6E3M2FN.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float6E3M2FN)value).ToBits(), global::NumForge.Float6E3M2FN.FromSingle(value, mode).ToBits())
                : global::NumForge.Float6E3M2FN.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float6E3M2FN)value).ToBits(), global::NumForge.Float6E3M2FN.FromHalf(value, mode).ToBits())
                : global::NumForge.Float6E3M2FN.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float6E3M2FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float6E3M2FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float6E3M2FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float6E3M2FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float6E3M2FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float6E3M2FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float6E3M2FN[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float6E3M2FN.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float6E3M2FN.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E3M2FN.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float6E3M2FN.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E3M2FN.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float6E3M2FN.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E3M2FN.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float6E3M2FN.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float6E3M2FN.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float6E3M2FN.Sqrt(V(x)).ToBits(), global::NumForge.Float6E3M2FN.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float6E3M2FN.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float6E3M2FN.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float6E3M2FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float6E3M2FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float6E3M2FN.IsNaN(V(code));
    }

    internal sealed class Float4E2M1FNSurface : FormatUnderTest
    {
        public Float4E2M1FNSurface()
            : base(Specs.Get("Float4E2M1FN"), "surface")
        {
        }

        private static global::NumForge.Float4E2M1FN V(ulong code) => global::NumForge.Float4E2M1FN.FromBits((byte)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float4E2M1FN)value).ToBits(), global::NumForge.Float4E2M1FN.FromDouble(value, mode).ToBits())
                : global::NumForge.Float4E2M1FN.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float4E2M1FN)value).ToBits(), global::NumForge.Float4E2M1FN.FromSingle(value, mode).ToBits())
                : global::NumForge.Float4E2M1FN.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Float4E2M1FN)value).ToBits(), global::NumForge.Float4E2M1FN.FromHalf(value, mode).ToBits())
                : global::NumForge.Float4E2M1FN.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float4E2M1FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float4E2M1FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float4E2M1FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Float4E2M1FN[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Float4E2M1FN.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Float4E2M1FN.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Float4E2M1FN[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Float4E2M1FN.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Float4E2M1FN.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Float4E2M1FN.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Float4E2M1FN.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Float4E2M1FN.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Float4E2M1FN.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Float4E2M1FN.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Float4E2M1FN.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Float4E2M1FN.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float4E2M1FN.Sqrt(V(x)).ToBits(), global::NumForge.Float4E2M1FN.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Float4E2M1FN.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Float4E2M1FN.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Float4E2M1FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Float4E2M1FN.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Float4E2M1FN.IsNaN(V(code));
    }

    internal sealed class Binary16Surface : FormatUnderTest
    {
        public Binary16Surface()
            : base(Specs.Binary16, "surface")
        {
        }

        private static global::NumForge.Tests.Surface.Binary16 V(ulong code) => global::NumForge.Tests.Surface.Binary16.FromBits((ushort)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Tests.Surface.Binary16)value).ToBits(), global::NumForge.Tests.Surface.Binary16.FromDouble(value, mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Tests.Surface.Binary16)value).ToBits(), global::NumForge.Tests.Surface.Binary16.FromSingle(value, mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Tests.Surface.Binary16)value).ToBits(), global::NumForge.Tests.Surface.Binary16.FromHalf(value, mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Tests.Surface.Binary16[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Tests.Surface.Binary16.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Tests.Surface.Binary16.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Tests.Surface.Binary16[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Tests.Surface.Binary16.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Tests.Surface.Binary16.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Tests.Surface.Binary16[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Tests.Surface.Binary16.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Tests.Surface.Binary16.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Tests.Surface.Binary16.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Tests.Surface.Binary16.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Tests.Surface.Binary16.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Tests.Surface.Binary16.Sqrt(V(x)).ToBits(), global::NumForge.Tests.Surface.Binary16.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Tests.Surface.Binary16.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Tests.Surface.Binary16.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary16.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Tests.Surface.Binary16.IsNaN(V(code));
    }

    internal sealed class Binary32Surface : FormatUnderTest
    {
        public Binary32Surface()
            : base(Specs.Binary32, "surface")
        {
        }

        private static global::NumForge.Tests.Surface.Binary32 V(ulong code) => global::NumForge.Tests.Surface.Binary32.FromBits((uint)code);

        public override double ToDouble(ulong code) => (double)V(code);

        public override float ToSingle(ulong code) => (float)V(code);

        public override ulong FromDouble(double value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Tests.Surface.Binary32)value).ToBits(), global::NumForge.Tests.Surface.Binary32.FromDouble(value, mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.FromDouble(value, mode, saturate).ToBits();

        public override ulong FromSingle(float value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Tests.Surface.Binary32)value).ToBits(), global::NumForge.Tests.Surface.Binary32.FromSingle(value, mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.FromSingle(value, mode, saturate).ToBits();

        public override ulong FromHalf(Half value, MidpointRounding mode, bool saturate) =>
            mode == MidpointRounding.ToEven && !saturate
                ? SurfaceFormats.Same(((global::NumForge.Tests.Surface.Binary32)value).ToBits(), global::NumForge.Tests.Surface.Binary32.FromHalf(value, mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.FromHalf(value, mode, saturate).ToBits();

        public override ulong[] ConvertFromSingle(float[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Tests.Surface.Binary32[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Tests.Surface.Binary32.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Tests.Surface.Binary32.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override ulong[] ConvertFromDouble(double[] source, MidpointRounding mode, bool saturate)
        {
            var destination = new global::NumForge.Tests.Surface.Binary32[source.Length];
            if (mode == MidpointRounding.ToEven && !saturate)
            {
                global::NumForge.Tests.Surface.Binary32.ConvertFrom(source, destination);
            }
            else
            {
                global::NumForge.Tests.Surface.Binary32.ConvertFrom(source, destination, mode, saturate);
            }

            return Array.ConvertAll(destination, x => (ulong)x.ToBits());
        }

        public override float[] ConvertToSingle(ulong[] codes)
        {
            global::NumForge.Tests.Surface.Binary32[] values = Array.ConvertAll(codes, V);
            var destination = new float[codes.Length];
            global::NumForge.Tests.Surface.Binary32.ConvertTo(values, destination);
            return destination;
        }

        public override ulong Add(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) + V(y)).ToBits(), global::NumForge.Tests.Surface.Binary32.Add(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.Add(V(x), V(y), mode).ToBits();

        public override ulong Subtract(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) - V(y)).ToBits(), global::NumForge.Tests.Surface.Binary32.Subtract(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.Subtract(V(x), V(y), mode).ToBits();

        public override ulong Multiply(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) * V(y)).ToBits(), global::NumForge.Tests.Surface.Binary32.Multiply(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.Multiply(V(x), V(y), mode).ToBits();

        public override ulong Divide(ulong x, ulong y, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same((V(x) / V(y)).ToBits(), global::NumForge.Tests.Surface.Binary32.Divide(V(x), V(y), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.Divide(V(x), V(y), mode).ToBits();

        public override ulong Sqrt(ulong x, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Tests.Surface.Binary32.Sqrt(V(x)).ToBits(), global::NumForge.Tests.Surface.Binary32.Sqrt(V(x), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.Sqrt(V(x), mode).ToBits();

        public override ulong FusedMultiplyAdd(ulong x, ulong y, ulong z, MidpointRounding mode) =>
            mode == MidpointRounding.ToEven
                ? SurfaceFormats.Same(global::NumForge.Tests.Surface.Binary32.FusedMultiplyAdd(V(x), V(y), V(z)).ToBits(), global::NumForge.Tests.Surface.Binary32.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits())
                : global::NumForge.Tests.Surface.Binary32.FusedMultiplyAdd(V(x), V(y), V(z), mode).ToBits();

        public override bool IsNaN(ulong code) => global::NumForge.Tests.Surface.Binary32.IsNaN(V(code));
    }

}

using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NumForge.Tests.Support
{
    /// <summary>
    /// The formats the theories run over. <see cref="Get"/> returns the route the behaviour tests use: the generated
    /// catalog type's public surface where it exists (Surface/SurfaceFormats.cs), else the kernels with hand traits.
    /// <see cref="Kernel"/> always returns the hand-traits route.
    /// </summary>
    public static partial class Formats
    {
        private static readonly Dictionary<string, FormatUnderTest> s_kernel = new()
        {
            ["BFloat16"] = new KernelFormat<HandBFloat16, ushort>(Specs.Get("BFloat16")),
            ["TensorFloat32"] = new KernelFormat<HandTensorFloat32, uint>(Specs.Get("TensorFloat32")),
            ["Float8E5M2"] = new KernelFormat<HandFloat8E5M2, byte>(Specs.Get("Float8E5M2")),
            ["Float8E4M3"] = new KernelFormat<HandFloat8E4M3, byte>(Specs.Get("Float8E4M3")),
            ["Float8E3M4"] = new KernelFormat<HandFloat8E3M4, byte>(Specs.Get("Float8E3M4")),
            ["Float8E4M3FN"] = new KernelFormat<HandFloat8E4M3FN, byte>(Specs.Get("Float8E4M3FN")),
            ["Float8E4M3FNUZ"] = new KernelFormat<HandFloat8E4M3FNUZ, byte>(Specs.Get("Float8E4M3FNUZ")),
            ["Float8E5M2FNUZ"] = new KernelFormat<HandFloat8E5M2FNUZ, byte>(Specs.Get("Float8E5M2FNUZ")),
            ["Float8E4M3B11FNUZ"] = new KernelFormat<HandFloat8E4M3B11FNUZ, byte>(Specs.Get("Float8E4M3B11FNUZ")),
            ["Float8E8M0FNU"] = new KernelFormat<HandFloat8E8M0FNU, byte>(Specs.Get("Float8E8M0FNU")),
            ["Float6E2M3FN"] = new KernelFormat<HandFloat6E2M3FN, byte>(Specs.Get("Float6E2M3FN")),
            ["Float6E3M2FN"] = new KernelFormat<HandFloat6E3M2FN, byte>(Specs.Get("Float6E3M2FN")),
            ["Float4E2M1FN"] = new KernelFormat<HandFloat4E2M1FN, byte>(Specs.Get("Float4E2M1FN")),
            ["Binary16"] = new KernelFormat<HandBinary16, ushort>(Specs.Binary16),
            ["Binary32"] = new KernelFormat<HandBinary32, uint>(Specs.Binary32),
            ["Binary64"] = new KernelFormat<HandBinary64, ulong>(Specs.Binary64),
            ["E5M2Saturating"] = new KernelFormat<HandE5M2Saturating, byte>(Specs.Get("E5M2Saturating")),
            ["E4M3OverflowNaN"] = new KernelFormat<HandE4M3OverflowNaN, byte>(Specs.Get("E4M3OverflowNaN")),
            ["E4M3FNSaturating"] = new KernelFormat<HandE4M3FNSaturating, byte>(Specs.Get("E4M3FNSaturating")),
            ["E3M3Bias1"] = new KernelFormat<HandE3M3Bias1, byte>(Specs.Get("E3M3Bias1")),
            ["E7M8Bias0"] = new KernelFormat<HandE7M8Bias0, ushort>(Specs.Get("E7M8Bias0")),
        };

        /// <summary>The hand-traits kernel route of a format.</summary>
        public static FormatUnderTest Kernel(string name) =>
            s_kernel.TryGetValue(name, out FormatUnderTest? f) ? f : throw new ArgumentException($"No kernel format {name}.", nameof(name));

        /// <summary>The route the behaviour tests use for a format (generated surface when built, else kernel).</summary>
        public static FormatUnderTest Get(string name) => TryGetSurface(name) ?? Kernel(name);

        private static FormatUnderTest? TryGetSurface(string name)
        {
#if NF_KERNEL_ONLY
            return null;
#else
            return NumForge.Tests.Surface.SurfaceFormats.TryGet(name);
#endif
        }

        private static TheoryData<string> Names(IEnumerable<FormatSpec> specs)
        {
            var data = new TheoryData<string>();
            foreach (FormatSpec spec in specs)
            {
                data.Add(spec.Name);
            }

            return data;
        }

        /// <summary>Every catalog format.</summary>
        public static TheoryData<string> Catalog => Names(Specs.Catalog);

        /// <summary>Catalog formats of at most 8 bits, plus the small variants.</summary>
        public static TheoryData<string> Small => Names(Specs.Catalog.Concat(Specs.Variants).Where(s => s.TotalBits <= 8));

        /// <summary>Formats whose every code the reference enumerates (at most 20 bits): catalog, Binary16, variants.</summary>
        public static TheoryData<string> Enumerable => Names(Specs.Catalog.Concat([Specs.Binary16]).Concat(Specs.Variants));

        /// <summary>Catalog formats with an ml_dtypes vector set.</summary>
        public static TheoryData<string> WithVectors => Names(Specs.Catalog.Where(s => s.VectorName != null));

        public static TheoryData<MidpointRounding> Modes => new()
        {
            MidpointRounding.ToEven,
            MidpointRounding.AwayFromZero,
            MidpointRounding.ToZero,
            MidpointRounding.ToNegativeInfinity,
            MidpointRounding.ToPositiveInfinity,
        };

        public static readonly MidpointRounding[] AllModes =
        [
            MidpointRounding.ToEven,
            MidpointRounding.AwayFromZero,
            MidpointRounding.ToZero,
            MidpointRounding.ToNegativeInfinity,
            MidpointRounding.ToPositiveInfinity,
        ];
    }
}

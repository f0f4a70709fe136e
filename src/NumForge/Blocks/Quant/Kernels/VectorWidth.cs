using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NumForge.Blocks.Quant.Kernels
{
    /// <summary>The vector width the MatVec kernels run at: 512 (AVX-512), 256 (AVX2 + FMA) or 0 (scalar).</summary>
    internal static class VectorWidth
    {
        /// <summary>The widest the machine (and DOTNET_PreferredVectorBitWidth / DOTNET_EnableHWIntrinsic) allows.</summary>
        public static int Available { get; } =
            Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported ? 512
            : Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported ? 256
            : 0;

        /// <summary>The width to run at given a cap (null = no cap).</summary>
        public static int Resolve(int? cap) => cap is int bits ? (bits >= 512 ? Available : bits >= 256 ? (Available >= 256 ? 256 : 0) : 0) : Available;
    }
}

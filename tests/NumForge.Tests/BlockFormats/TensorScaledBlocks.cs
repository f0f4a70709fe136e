using NumForge;

namespace NumForge.Tests.BlockFormats
{
    // Block formats with a per-tensor scale ([BlockFormat(..., PerTensorScale = true)]), generated in this test assembly.

    /// <summary>NVIDIA NVFP4 declared by hand: an E4M3 scale relative to a float32 tensor scale, 16 E2M1 codes; 9 bytes.</summary>
    [BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN), PerTensorScale = true)]
    public partial struct DeclaredNvfp4 { }

    /// <summary>Symmetric Int4 in blocks of 32 under an E4M3 scale and a tensor scale; 1 + 16 bytes.</summary>
    [BlockFormat(typeof(Int4), 32, ScaleType = typeof(Float8E4M3FN), PerTensorScale = true)]
    public partial struct DeclaredInt4TensorScaled { }

    /// <summary>The NF4 codebook under a Half block scale and a tensor scale, high nibble first; 2 + 32 bytes.</summary>
    [BlockFormat(new[]
    {
        -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
        -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
        0.07958029955625534f, 0.16093020141124725f, 0.24611230850219727f, 0.33791524171829224f,
        0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f,
    }, 64, ScaleType = typeof(System.Half), HighNibbleFirst = true, PerTensorScale = true)]
    public readonly partial struct DeclaredNf4TensorScaled { }
}

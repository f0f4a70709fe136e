namespace NumForge.Benchmarks
{
    /// <summary>NVIDIA NVFP4 as a [BlockFormat] block with a per-tensor scale (9 bytes per 16 weights).</summary>
    [BlockFormat(typeof(Float4E2M1FN), 16, ScaleType = typeof(Float8E4M3FN), PerTensorScale = true)]
    public partial struct DeclaredNvfp4
    {
    }
}

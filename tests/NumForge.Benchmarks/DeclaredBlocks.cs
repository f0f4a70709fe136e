namespace NumForge.Benchmarks
{
    /// <summary>W4G128 as a [BlockFormat] block (67 bytes).</summary>
    [BlockFormat(typeof(UInt4), 128, ScaleRule = BlockScaleRule.MinMax)]
    public partial struct DeclaredW4G128
    {
    }

    /// <summary>MXFP4 as a [BlockFormat] block (17 bytes).</summary>
    [BlockFormat(typeof(Float4E2M1FN), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]
    public partial struct DeclaredMxfp4
    {
    }

    /// <summary>A signed 8-bit integer format, the element of <see cref="DeclaredMxInt8"/>.</summary>
    [IntFormat(8)]
    public readonly partial struct BenchInt8
    {
    }

    /// <summary>MXINT8 as a [BlockFormat] block (33 bytes).</summary>
    [BlockFormat(typeof(BenchInt8), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]
    public partial struct DeclaredMxInt8
    {
    }
}

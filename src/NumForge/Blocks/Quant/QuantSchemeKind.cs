namespace NumForge
{
    /// <summary>The family of a <see cref="QuantScheme"/>: which reference rule quantizes it.</summary>
    public enum QuantSchemeKind
    {
        /// <summary><c>W{N}G{M}</c>: N-bit integer codes in groups of M input channels with a Half scale and a zero point (AutoAWQ's rule).</summary>
        WeightOnly,

        /// <summary>OCP MX v1.0: 32 elements share an E8M0 power-of-two scale (<c>MXFP8E4M3</c> ... <c>MXINT8</c>).</summary>
        Mx,

        /// <summary>NVIDIA NVFP4: E2M1 elements, an E4M3 scale per 16 and a float32 tensor scale (ModelOpt's rule).</summary>
        Nvfp4,

        /// <summary>bitsandbytes NF4: the 16-value normal-float codebook, a float32 absmax per 64 elements.</summary>
        Nf4,

        /// <summary>A ggml block type (<c>Q4_0</c> ... <c>Q6_K</c>), quantized by the ggml block formats.</summary>
        Ggml,
    }
}

namespace NumForge
{
    /// <summary>ggml's tensor type ids (enum ggml_type) as GGUF stores them.</summary>
    public enum GgmlType : uint
    {
        /// <summary>float32.</summary>
        F32 = 0,

        /// <summary>IEEE binary16.</summary>
        F16 = 1,

        /// <summary><see cref="BlockQ4_0"/>.</summary>
        Q4_0 = 2,

        /// <summary><see cref="BlockQ4_1"/>.</summary>
        Q4_1 = 3,

        /// <summary><see cref="BlockQ5_0"/>.</summary>
        Q5_0 = 6,

        /// <summary><see cref="BlockQ5_1"/>.</summary>
        Q5_1 = 7,

        /// <summary><see cref="BlockQ8_0"/>.</summary>
        Q8_0 = 8,

        /// <summary>ggml's Q8_1 (activations).</summary>
        Q8_1 = 9,

        /// <summary><see cref="BlockQ2_K"/>.</summary>
        Q2_K = 10,

        /// <summary><see cref="BlockQ3_K"/>.</summary>
        Q3_K = 11,

        /// <summary><see cref="BlockQ4_K"/>.</summary>
        Q4_K = 12,

        /// <summary><see cref="BlockQ5_K"/>.</summary>
        Q5_K = 13,

        /// <summary><see cref="BlockQ6_K"/>.</summary>
        Q6_K = 14,

        /// <summary>ggml's Q8_K (activations).</summary>
        Q8_K = 15,

        /// <summary>ggml's IQ2_XXS.</summary>
        IQ2_XXS = 16,

        /// <summary>ggml's IQ2_XS.</summary>
        IQ2_XS = 17,

        /// <summary>ggml's IQ3_XXS.</summary>
        IQ3_XXS = 18,

        /// <summary>ggml's IQ1_S.</summary>
        IQ1_S = 19,

        /// <summary>ggml's IQ4_NL.</summary>
        IQ4_NL = 20,

        /// <summary>ggml's IQ3_S.</summary>
        IQ3_S = 21,

        /// <summary>ggml's IQ2_S.</summary>
        IQ2_S = 22,

        /// <summary>ggml's IQ4_XS.</summary>
        IQ4_XS = 23,

        /// <summary>int8.</summary>
        I8 = 24,

        /// <summary>int16.</summary>
        I16 = 25,

        /// <summary>int32.</summary>
        I32 = 26,

        /// <summary>int64.</summary>
        I64 = 27,

        /// <summary>float64.</summary>
        F64 = 28,

        /// <summary>ggml's IQ1_M.</summary>
        IQ1_M = 29,

        /// <summary>bfloat16.</summary>
        BF16 = 30,

        /// <summary>ggml's TQ1_0.</summary>
        TQ1_0 = 34,

        /// <summary>ggml's TQ2_0.</summary>
        TQ2_0 = 35,

        /// <summary><see cref="BlockMXFP4"/>.</summary>
        MXFP4 = 39,

        /// <summary><see cref="BlockNVFP4"/> (ggml's NVFP4: UE4M3 scale per 16, no per-tensor scale).</summary>
        NVFP4 = 40,

        /// <summary>ggml's Q1_0.</summary>
        Q1_0 = 41,

        /// <summary>ggml's Q2_0.</summary>
        Q2_0 = 42,
    }
}

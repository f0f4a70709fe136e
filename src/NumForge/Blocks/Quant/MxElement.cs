namespace NumForge
{
    /// <summary>The element format of an OCP MX scheme.</summary>
    public enum MxElement
    {
        /// <summary>Not an MX scheme.</summary>
        None,

        /// <summary>FP8 E4M3 (<see cref="Float8E4M3FN"/>), emax 8.</summary>
        Fp8E4M3,

        /// <summary>FP8 E5M2 (<see cref="Float8E5M2"/>), emax 15.</summary>
        Fp8E5M2,

        /// <summary>FP6 E3M2 (<see cref="Float6E3M2FN"/>), emax 4.</summary>
        Fp6E3M2,

        /// <summary>FP6 E2M3 (<see cref="Float6E2M3FN"/>), emax 2.</summary>
        Fp6E2M3,

        /// <summary>FP4 E2M1 (<see cref="Float4E2M1FN"/>), emax 2.</summary>
        Fp4E2M1,

        /// <summary>INT8 with value = int8 / 64 (two's complement, saturating at ±127), emax 0.</summary>
        Int8,
    }
}

namespace NumForge
{
    /// <summary>NVIDIA TensorFloat-32: binary32's range with binary16's precision, 19 bits stored in a uint. Rounding with MidpointRounding.AwayFromZero equals cvt.rna.tf32.f32.</summary>
    [FloatFormat(8, 10)]
    public readonly partial struct TensorFloat32
    {
    }
}

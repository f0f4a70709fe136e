namespace NumForge.Benchmarks
{
    /// <summary>A generated IEEE binary16, to race System.Half and TensorPrimitives.</summary>
    [FloatFormat(5, 10)]
    public readonly partial struct Binary16
    {
    }
}

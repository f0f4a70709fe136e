namespace NumForge
{
    /// <summary>How far a quantized matrix is from the weights it was quantized from (see <see cref="QuantizedMatrix.Measure"/>).</summary>
    /// <param name="Rmse">Root mean square of the element errors (dequantized - original).</param>
    /// <param name="SqnrDb">Signal to quantization noise ratio in dB: 10 log10(sum w^2 / sum (w' - w)^2); +infinity when exact.</param>
    /// <param name="MaxAbsError">The largest absolute element error.</param>
    /// <param name="BitsPerWeight">Stored bits (codes, scales, zero points, tensor scale) per weight.</param>
    public readonly record struct QuantError(double Rmse, double SqnrDb, double MaxAbsError, double BitsPerWeight);
}

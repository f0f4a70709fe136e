// A consumer of the NumForge package: declares its own formats, uses the catalog, and checks the results.
// Exit code 0 and "N passed, 0 failed" mean the packaged runtime and generator work together.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using NumForge;

namespace PackageConsumer;

/// <summary>The consumer's own binary16, which must agree with System.Half.</summary>
[FloatFormat(5, 10)]
public readonly partial struct MyHalf
{
}

/// <summary>The consumer's own 6-bit format without specials.</summary>
[FloatFormat(3, 2, Specials = SpecialValues.Finite)]
internal readonly partial struct MyFloat6
{
}

/// <summary>The consumer's own 3-bit two's complement integer (-4 to 3).</summary>
[IntFormat(3)]
public readonly partial struct MyInt3
{
}

/// <summary>The consumer's own 6-bit unsigned integer (0 to 63).</summary>
[IntFormat(6, Signed = false)]
internal readonly partial struct MyUInt6
{
}

/// <summary>The consumer's own block format: 32 FP4 (E2M1) values sharing an E8M0 power-of-two scale (OCP MXFP4).</summary>
[BlockFormat(typeof(Float4E2M1FN), 32, ScaleRule = BlockScaleRule.PowerOfTwo)]
public partial struct MyMxfp4Block
{
}

internal static class Program
{
    private static int s_passed;
    private static int s_failed;

    private static int Main()
    {
        Check("MyHalf(1) has Half's bits", MyHalf.FromBits(0x3C00) == MyHalf.One);
        Check("MyHalf rounds like Half", ((MyHalf)0.1f).ToBits() == BitConverter.HalfToUInt16Bits((Half)0.1f));
        Check("MyHalf arithmetic", (float)((MyHalf)1.5f + (MyHalf)2.25f) == 3.75f);
        Check("MyHalf shortest text", ((MyHalf)0.1f).ToString(CultureInfo.InvariantCulture) == ((Half)0.1f).ToString(CultureInfo.InvariantCulture));
        Check("MyHalf parse", MyHalf.Parse("65504", CultureInfo.InvariantCulture) == MyHalf.MaxValue);
        Check("MyFloat6 saturates", (double)(MyFloat6)1000f == 28);
        Check("MyFloat6 info", MyFloat6.Info.Bits == 6 && MyFloat6.Info.MaxValue == 28);
        Check("Catalog E4M3FN 464 -> 448", (float)(Float8E4M3FN)464f == 448f);
        Check("Catalog E4M3FN 465 -> NaN", Float8E4M3FN.IsNaN((Float8E4M3FN)465f));
        Check("Catalog BF16 bits", ((BFloat16)1f).ToBits() == 0x3F80);
        Check("Generic math sum", Sum(new[] { (MyHalf)1f, (MyHalf)2f, (MyHalf)3f }) == (MyHalf)6f);

        var source = new float[] { 0.5f, 1f, 448f, 1000f };
        var fp8 = new Float8E4M3FN[source.Length];
        Float8E4M3FN.ConvertFrom(source, fp8, MidpointRounding.ToEven, saturate: true);
        var back = new float[source.Length];
        Float8E4M3FN.ConvertTo(fp8, back);
        Check("Span round trip with saturation", back[0] == 0.5f && back[1] == 1f && back[2] == 448f && back[3] == 448f);
        Check("Planted Half sum (NF1001)", PlantedHalfSum(new[] { (Half)1f, (Half)2f }) == (Half)3f);
        Check("Catalog lookup", FormatCatalog.Find("e4m3fn")?.Name == "Float8E4M3FN");
        QuantizeAndReadBack();
        DeclaredBlock();

        Check("MyInt3 wraps", (int)((MyInt3)3 + (MyInt3)1) == -4 && (int)(MyInt3)9 == 1);
        Check("MyInt3 checked throws", Throws<OverflowException>(() => checked((MyInt3)3 + (MyInt3)1)));
        Check("MyInt3 cast truncates and saturates", (int)(MyInt3)2.9f == 2 && (int)(MyInt3)(-100f) == -4 && (int)(MyInt3)float.NaN == 0);
        Check("MyInt3 parse range", MyInt3.Parse("-4", CultureInfo.InvariantCulture) == MyInt3.MinValue && Throws<OverflowException>(() => MyInt3.Parse("4", CultureInfo.InvariantCulture)));
        Check("MyUInt6 implicit byte", (byte)MyUInt6.MaxValue == 63 && MyUInt6.Info.Bits == 6 && !MyUInt6.Info.Signed);
        Check("MyUInt6 CreateChecked throws", Throws<OverflowException>(() => MyUInt6.CreateChecked(64)));
        var quantized = new MyInt3[4];
        MyInt3.ConvertFrom(new[] { 0.5f, 1.5f, -2.5f, 7f }, quantized);
        Check("MyInt3 span quantizes to even", (int)quantized[0] == 0 && (int)quantized[1] == 2 && (int)quantized[2] == -2 && (int)quantized[3] == 3);
        var packed = new byte[MyUInt6.PackedLength(4)];
        MyUInt6.PackFrom(new[] { 1f, 2f, 63f, 100f }, packed);
        var unpacked = new float[4];
        MyUInt6.UnpackTo(packed, unpacked);
        Check("MyUInt6 packs 4 values in 3 bytes", packed.Length == 3 && unpacked[0] == 1f && unpacked[1] == 2f && unpacked[2] == 63f && unpacked[3] == 63f);
        Check("Catalog Int4 wraps", (int)((Int4)7 + (Int4)1) == -8 && Throws<OverflowException>(() => UInt2.CreateChecked(5)));
        Check("Generic math sum over an integer format", Sum(new[] { (MyUInt6)20, (MyUInt6)30 }) == (MyUInt6)50);

        Console.WriteLine($"{s_passed} passed, {s_failed} failed");
        return s_failed == 0 ? 0 : 1;
    }

    /// <summary>Quantizes a matrix with the consumer's [BlockFormat] block: the same values as MXFP4, and MatVec runs.</summary>
    private static void DeclaredBlock()
    {
        const int Rows = 4, Columns = 64;
        var weights = new float[Rows * Columns];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = MathF.Cos(i * 0.21f);
        }

        var blocks = QuantizedMatrix<MyMxfp4Block>.Quantize(weights, Rows, Columns);
        var mxfp4 = QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("MXFP4"));
        var a = new float[weights.Length];
        var b = new float[weights.Length];
        blocks.Dequantize(a);
        mxfp4.Dequantize(b);
        Check("Declared block is 17 bytes", System.Runtime.InteropServices.Marshal.SizeOf<MyMxfp4Block>() == 17 && MyMxfp4Block.BlockSize == 32);
        Check("Declared block equals MXFP4", a.AsSpan().SequenceEqual(b));
        var x = new float[Columns];
        x[7] = 1;
        var y = new float[Rows];
        blocks.MatVec(x, y);
        Check("Declared block MatVec picks a column", y[2] == a[(2 * Columns) + 7]);
    }

    /// <summary>Quantizes a matrix, runs MatVec, and reads back a safetensors file it wrote.</summary>
    private static void QuantizeAndReadBack()
    {
        const int Rows = 32, Columns = 256;
        var weights = new float[Rows * Columns];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = MathF.Sin(i * 0.37f) * 0.02f;
        }

        QuantizedMatrix matrix = QuantizedMatrix.Quantize(weights, Rows, Columns, QuantScheme.Parse("W4G128"));
        Check("Quantize W4G128 SQNR", matrix.Measure(weights).SqnrDb > 15);
        var x = new float[Columns];
        x[5] = 1;
        var y = new float[Rows];
        matrix.MatVec(x, y);
        var restored = new float[weights.Length];
        matrix.Dequantize(restored);
        bool column = true;
        for (int r = 0; r < Rows; r++)
        {
            column &= y[r] == restored[(r * Columns) + 5];
        }

        Check("MatVec picks a column", column);
        string path = System.IO.Path.GetTempFileName();
        try
        {
            new SafeTensorsWriter().Add("w", (ReadOnlySpan<float>)weights, Rows, Columns).Add("bf16", (ReadOnlySpan<BFloat16>)[(BFloat16)1.5f], 1).Save(path);
            using SafeTensorsFile file = SafeTensorsFile.Open(path);
            Check("Safetensors read back", file.Tensors["w"].Shape[1] == Columns && file.GetSpan<float>("w").SequenceEqual(weights)
                && (float)file.GetSpan<BFloat16>("bf16")[0] == 1.5f);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>Planted for the package test: the build output must show warning NF1001 here.</summary>
    private static Half PlantedHalfSum(Half[] values)
    {
        Half sum = Half.Zero;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    private static T Sum<T>(IEnumerable<T> values)
        where T : INumber<T>
    {
        T total = T.Zero;
        foreach (T value in values)
        {
            total += value;
        }

        return total;
    }

    private static bool Throws<TException>(Func<object> action)
        where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }

    private static void Check(string name, bool ok)
    {
        if (ok)
        {
            s_passed++;
        }
        else
        {
            s_failed++;
            Console.Error.WriteLine($"FAILED: {name}");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using NumForge.Tests.Support;
using Xunit;

namespace NumForge.Tests.Behaviour
{
    /// <summary>
    /// Every ml_dtypes vector file (../shared/vectors, see its README.txt) through the catalog formats:
    /// &lt;fmt&gt;.decode, f32_to_&lt;fmt&gt;.rne (ToEven), .rne.sat (ToEven, saturating), .rtz.sat (ToZero, saturating)
    /// and f64_to_&lt;fmt&gt;.rne (ToEven, one direct rounding). Scalar and span conversions are both checked.
    /// </summary>
    public class MlDtypesVectorTests
    {
        [Theory]
        [MemberData(nameof(Formats.WithVectors), MemberType = typeof(Formats))]
        public void DecodeVectors(string name)
        {
            FormatUnderTest format = Formats.Get(name);
            string file = Specs.Get(name).VectorName + ".decode";
            List<ulong[]> rows = VectorFiles.Read(file);
            Assert.Equal((long)format.CodeCount, rows.Count);
            var bad = new Mismatches($"{format} {file}");
            float[] span = format.ConvertToSingle(rows.Select(r => r[0]).ToArray());
            for (int i = 0; i < rows.Count; i++)
            {
                ulong code = rows[i][0];
                float expected = BitConverter.UInt32BitsToSingle((uint)rows[i][1]);
                float actual = format.ToSingle(code);
                bad.Check(SameFloat(expected, actual) && SameFloat(expected, span[i]), () => $"{Codes.Hex(code, format)}: file {Codes.F32(expected)}, scalar {Codes.F32(actual)}, span {Codes.F32(span[i])}");
            }

            bad.AssertNone();
        }

        public static TheoryData<string, string> ConversionFiles()
        {
            var data = new TheoryData<string, string>();
            foreach (FormatSpec spec in Specs.Catalog.Where(s => s.VectorName != null))
            {
                foreach ((string suffix, _, _) in MlDtypesFiles.ConversionKinds(spec.Name))
                {
                    data.Add(spec.Name, $"f32_to_{spec.VectorName}.{suffix}");
                }

                data.Add(spec.Name, $"f64_to_{spec.VectorName}.rne");
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(ConversionFiles))]
        public void ConversionVectors(string name, string file)
        {
            FormatUnderTest format = Formats.Get(name);
            ExactFloatReference reference = format.Reference;
            bool fromDouble = file.StartsWith("f64", StringComparison.Ordinal);
            string suffix = file[(file.IndexOf('.') + 1)..];
            (MidpointRounding mode, bool saturate) = suffix switch
            {
                "rne" => (MidpointRounding.ToEven, false),
                "rne.sat" => (MidpointRounding.ToEven, true),
                "rtz.sat" => (MidpointRounding.ToZero, true),
                _ => throw new ArgumentException($"Unknown vector kind {suffix}."),
            };
            List<ulong[]> rows = VectorFiles.Read(file);
            var bad = new Mismatches($"{format} {file}");
            if (fromDouble)
            {
                double[] inputs = rows.Select(r => BitConverter.UInt64BitsToDouble(r[0])).ToArray();
                ulong[] span = format.ConvertFromDouble(inputs, mode, saturate);
                for (int i = 0; i < rows.Count; i++)
                {
                    ulong actual = format.FromDouble(inputs[i], mode, saturate);
                    ulong expected = rows[i][1];
                    bad.Check(
                        MlDtypesFiles.CodeMatches(reference, expected, actual) && MlDtypesFiles.CodeMatches(reference, expected, span[i]),
                        () => $"{Codes.F64(inputs[i])}: file {Codes.Describe(format, expected)}, scalar {Codes.Hex(actual, format)}, span {Codes.Hex(span[i], format)}");
                }
            }
            else
            {
                float[] inputs = rows.Select(r => BitConverter.UInt32BitsToSingle((uint)r[0])).ToArray();
                ulong[] span = format.ConvertFromSingle(inputs, mode, saturate);
                for (int i = 0; i < rows.Count; i++)
                {
                    ulong actual = format.FromSingle(inputs[i], mode, saturate);
                    ulong expected = rows[i][1];
                    bad.Check(
                        MlDtypesFiles.CodeMatches(reference, expected, actual) && MlDtypesFiles.CodeMatches(reference, expected, span[i]),
                        () => $"{Codes.F32(inputs[i])}: file {Codes.Describe(format, expected)}, scalar {Codes.Hex(actual, format)}, span {Codes.Hex(span[i], format)}");
                }
            }

            bad.AssertNone();
        }

        [Fact]
        public void EveryMlDtypesFileIsCovered()
        {
            // A new file in the vectors folder for a catalog format must not go untested.
            var covered = new HashSet<string>(ConversionFiles().Select(row => (string)row[1]));
            foreach (FormatSpec spec in Specs.Catalog.Where(s => s.VectorName != null))
            {
                covered.Add(spec.VectorName + ".decode");
            }

            string[] onDisk = System.IO.Directory.GetFiles(VectorFiles.Directory)
                .Select(System.IO.Path.GetFileName)
                .Select(f => f!.Replace(".txt.gz", string.Empty, StringComparison.Ordinal).Replace(".txt", string.Empty, StringComparison.Ordinal))
                .Where(f => f.Contains('.', StringComparison.Ordinal) && Specs.Catalog.Any(s => s.VectorName != null && (f.StartsWith(s.VectorName + ".", StringComparison.Ordinal) || f.EndsWith("_to_" + s.VectorName + f[f.IndexOf('.')..], StringComparison.Ordinal))))
                .ToArray();
            Assert.NotEmpty(onDisk);
            string[] untested = onDisk.Where(f => !covered.Contains(f)).ToArray();
            Assert.True(untested.Length == 0, "Vector files not tested: " + string.Join(", ", untested));
        }

        private static bool SameFloat(float expected, float actual) =>
            float.IsNaN(expected)
                ? float.IsNaN(actual) && float.IsNegative(actual) == float.IsNegative(expected)
                : BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual);
    }
}

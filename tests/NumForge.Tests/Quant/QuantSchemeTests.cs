using System;
using Xunit;

namespace NumForge.Tests.Quant
{
    public class QuantSchemeTests
    {
        [Theory]
        [InlineData("W4G128", 4, 128, false)]
        [InlineData("W4G-1", 4, -1, false)]
        [InlineData("W3G128", 3, 128, false)]
        [InlineData("W2G128", 2, 128, false)]
        [InlineData("W8G128", 8, 128, false)]
        [InlineData("W4G16", 4, 16, false)]
        [InlineData("W4G1024", 4, 1024, false)]
        [InlineData("w4g64", 4, 64, false)]
        [InlineData("W4G128-sym", 4, 128, true)]
        public void ParsesWeightOnlyNames(string text, int bits, int group, bool symmetric)
        {
            QuantScheme scheme = QuantScheme.Parse(text);
            Assert.Equal(QuantSchemeKind.WeightOnly, scheme.Kind);
            Assert.Equal(bits, scheme.Bits);
            Assert.Equal(group, scheme.GroupSize);
            Assert.Equal(symmetric, scheme.Symmetric);
            Assert.Equal(scheme, QuantScheme.Parse(scheme.ToString()));
            Assert.Equal(text.ToUpperInvariant().Replace("-SYM", "-sym", StringComparison.Ordinal), scheme.ToString());
        }

        [Theory]
        [InlineData("MXFP8E4M3", MxElement.Fp8E4M3, 8)]
        [InlineData("MXFP8E5M2", MxElement.Fp8E5M2, 8)]
        [InlineData("MXFP6E3M2", MxElement.Fp6E3M2, 6)]
        [InlineData("MXFP6E2M3", MxElement.Fp6E2M3, 6)]
        [InlineData("MXFP4", MxElement.Fp4E2M1, 4)]
        [InlineData("MXINT8", MxElement.Int8, 8)]
        public void ParsesMxNames(string text, MxElement element, int bits)
        {
            QuantScheme scheme = QuantScheme.Parse(text);
            Assert.Equal(QuantSchemeKind.Mx, scheme.Kind);
            Assert.Equal(element, scheme.MxElement);
            Assert.Equal(bits, scheme.Bits);
            Assert.Equal(32, scheme.GroupSize);
            Assert.Equal(text, scheme.ToString());
        }

        [Theory]
        [InlineData("NVFP4", QuantSchemeKind.Nvfp4, 16)]
        [InlineData("NF4", QuantSchemeKind.Nf4, 64)]
        [InlineData("Q4_0", QuantSchemeKind.Ggml, 32)]
        [InlineData("Q8_0", QuantSchemeKind.Ggml, 32)]
        [InlineData("Q6_K", QuantSchemeKind.Ggml, 256)]
        [InlineData("Q2_K", QuantSchemeKind.Ggml, 256)]
        public void ParsesOtherNames(string text, QuantSchemeKind kind, int group)
        {
            QuantScheme scheme = QuantScheme.Parse(text);
            Assert.Equal(kind, scheme.Kind);
            Assert.Equal(group, scheme.GroupSize);
            Assert.Equal(text, scheme.ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("W5G128")]
        [InlineData("W4G100")]
        [InlineData("W4G8")]
        [InlineData("W4G2048")]
        [InlineData("W4G-2")]
        [InlineData("W4G0128")]
        [InlineData("W4G+128")]
        [InlineData("W4 G128")]
        [InlineData("W44G128")]
        [InlineData("W4G")]
        [InlineData("MXFP5")]
        [InlineData("Q7_0")]
        [InlineData("NVFP4-sym")]
        [InlineData("W4G128-asym")]
        public void RejectsUnknownNames(string text)
        {
            Assert.False(QuantScheme.TryParse(text, out _));
            FormatException error = Assert.Throws<FormatException>(() => QuantScheme.Parse(text));
            Assert.Contains("W{N}G{M}", error.Message, StringComparison.Ordinal);
            Assert.Contains("NF4", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void SymmetricOnlyForWeightOnly()
        {
            Assert.True(QuantScheme.W4G128.AsSymmetric().Symmetric);
            Assert.Throws<InvalidOperationException>(() => QuantScheme.NF4.AsSymmetric());
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantScheme.WeightOnly(5, 128));
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantScheme.WeightOnly(4, 48));
        }
    }
}

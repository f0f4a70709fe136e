using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NumForge
{
    /// <summary>
    /// A weight quantization scheme: <c>W{N}G{M}</c> (N-bit integers in groups of M input channels, <c>G-1</c> = a whole
    /// row), the OCP MX schemes, NVFP4, NF4, or a ggml block type. Parse it from its name with <see cref="Parse(string)"/>;
    /// <c>W4G128-sym</c> names the symmetric variant of <c>W4G128</c>.
    /// </summary>
    public readonly struct QuantScheme : IEquatable<QuantScheme>
    {
        /// <summary>The text every accepted name matches, for error messages and help.</summary>
        public const string ValidNames =
            "W{N}G{M} with N in 2, 3, 4, 8 and M = -1 or a power of two from 16 to 1024 (suffix -sym for the symmetric variant), "
            + "MXFP8E4M3, MXFP8E5M2, MXFP6E3M2, MXFP6E2M3, MXFP4, MXINT8, NVFP4, NF4, "
            + "Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K";

        private const string SymmetricSuffix = "-sym";

        private static readonly string[] s_ggmlNames = ["Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"];
        private static readonly int[] s_ggmlBits = [4, 4, 5, 5, 8, 2, 3, 4, 5, 6];
        private static readonly int[] s_ggmlBlock = [32, 32, 32, 32, 32, 256, 256, 256, 256, 256];

        private readonly string? _ggmlName;

        private QuantScheme(QuantSchemeKind kind, int bits, int groupSize, bool symmetric, MxElement mxElement, string? ggmlName)
        {
            Kind = kind;
            Bits = bits;
            GroupSize = groupSize;
            Symmetric = symmetric;
            MxElement = mxElement;
            _ggmlName = ggmlName;
        }

        /// <summary>The family: which reference rule quantizes this scheme.</summary>
        public QuantSchemeKind Kind { get; }

        /// <summary>Bits per element code (N of <c>W{N}G{M}</c>; 8, 6 or 4 for MX; 4 for NVFP4 and NF4).</summary>
        public int Bits { get; }

        /// <summary>Elements that share a scale: M of <c>W{N}G{M}</c> (-1 = a whole row), 32 for MX, 16 for NVFP4, 64 for NF4.</summary>
        public int GroupSize { get; }

        /// <summary>True for the symmetric <c>W{N}G{M}</c> variant: zero point 2^(N-1), scale from the absolute maximum.</summary>
        public bool Symmetric { get; }

        /// <summary>The element format of an MX scheme; <see cref="NumForge.MxElement.None"/> otherwise.</summary>
        public MxElement MxElement { get; }

        /// <summary>W4G128: 4-bit asymmetric groups of 128 (AutoAWQ's default).</summary>
        public static QuantScheme W4G128 => WeightOnly(4, 128);

        /// <summary>OCP MXFP4 (E2M1 elements, E8M0 scale per 32).</summary>
        public static QuantScheme MXFP4 => Mx(MxElement.Fp4E2M1);

        /// <summary>NVIDIA NVFP4.</summary>
        public static QuantScheme NVFP4 => new(QuantSchemeKind.Nvfp4, 4, 16, false, MxElement.None, null);

        /// <summary>bitsandbytes NF4.</summary>
        public static QuantScheme NF4 => new(QuantSchemeKind.Nf4, 4, 64, false, MxElement.None, null);

        /// <summary>
        /// The <c>W{bits}G{groupSize}</c> scheme. <paramref name="bits"/> is 2, 3, 4 or 8; <paramref name="groupSize"/> is -1
        /// (a whole row) or a power of two from 16 to 1024.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Bits or group size outside those values.</exception>
        public static QuantScheme WeightOnly(int bits, int groupSize, bool symmetric = false)
        {
            if (bits is not (2 or 3 or 4 or 8))
            {
                throw new ArgumentOutOfRangeException(nameof(bits), bits, "W{N}G{M} needs N = 2, 3, 4 or 8.");
            }

            if (!IsValidGroup(groupSize))
            {
                throw new ArgumentOutOfRangeException(nameof(groupSize), groupSize, "W{N}G{M} needs M = -1 or a power of two from 16 to 1024.");
            }

            return new QuantScheme(QuantSchemeKind.WeightOnly, bits, groupSize, symmetric, MxElement.None, null);
        }

        /// <summary>The OCP MX scheme with the given element format.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="element"/> is <see cref="NumForge.MxElement.None"/> or undefined.</exception>
        public static QuantScheme Mx(MxElement element)
        {
            int bits = element switch
            {
                MxElement.Fp8E4M3 or MxElement.Fp8E5M2 or MxElement.Int8 => 8,
                MxElement.Fp6E3M2 or MxElement.Fp6E2M3 => 6,
                MxElement.Fp4E2M1 => 4,
                _ => throw new ArgumentOutOfRangeException(nameof(element), element, "Not an MX element format."),
            };
            return new QuantScheme(QuantSchemeKind.Mx, bits, 32, false, element, null);
        }

        /// <summary>This <c>W{N}G{M}</c> scheme's symmetric variant (zero point 2^(N-1), scale from the absolute maximum).</summary>
        /// <exception cref="InvalidOperationException">The scheme is not a <c>W{N}G{M}</c> scheme.</exception>
        public QuantScheme AsSymmetric()
        {
            if (Kind != QuantSchemeKind.WeightOnly)
            {
                throw new InvalidOperationException($"Only W{{N}}G{{M}} schemes have a symmetric variant; {this} does not.");
            }

            return new QuantScheme(Kind, Bits, GroupSize, true, MxElement, null);
        }

        /// <summary>Parses a scheme name (case-insensitive), e.g. <c>W4G128</c>, <c>W3G-1</c>, <c>W4G64-sym</c>, <c>MXFP4</c>, <c>NF4</c>, <c>Q4_K</c>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
        /// <exception cref="FormatException">The text names no scheme; the message lists the valid names.</exception>
        public static QuantScheme Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            if (TryParse(text, out QuantScheme scheme))
            {
                return scheme;
            }

            throw new FormatException($"'{text}' is not a quantization scheme. Valid: {ValidNames}.");
        }

        /// <summary>Parses a scheme name; false (and <c>default</c>) when the text names no scheme.</summary>
        public static bool TryParse([NotNullWhen(true)] string? text, out QuantScheme scheme)
        {
            scheme = default;
            if (text is null)
            {
                return false;
            }

            string name = text.Trim();
            if (name.StartsWith('W') || name.StartsWith('w'))
            {
                return TryParseWeightOnly(name, out scheme);
            }

            switch (name.ToUpperInvariant())
            {
                case "MXFP8E4M3": scheme = Mx(MxElement.Fp8E4M3); return true;
                case "MXFP8E5M2": scheme = Mx(MxElement.Fp8E5M2); return true;
                case "MXFP6E3M2": scheme = Mx(MxElement.Fp6E3M2); return true;
                case "MXFP6E2M3": scheme = Mx(MxElement.Fp6E2M3); return true;
                case "MXFP4": scheme = Mx(MxElement.Fp4E2M1); return true;
                case "MXINT8": scheme = Mx(MxElement.Int8); return true;
                case "NVFP4": scheme = NVFP4; return true;
                case "NF4": scheme = NF4; return true;
            }

            int ggml = Array.FindIndex(s_ggmlNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (ggml >= 0)
            {
                scheme = new QuantScheme(QuantSchemeKind.Ggml, s_ggmlBits[ggml], s_ggmlBlock[ggml], false, MxElement.None, s_ggmlNames[ggml]);
                return true;
            }

            return false;
        }

        private static bool TryParseWeightOnly(string name, out QuantScheme scheme)
        {
            scheme = default;
            bool symmetric = name.EndsWith(SymmetricSuffix, StringComparison.OrdinalIgnoreCase);
            ReadOnlySpan<char> body = symmetric ? name.AsSpan(1, name.Length - 1 - SymmetricSuffix.Length) : name.AsSpan(1);
            int g = body.IndexOfAny('G', 'g');
            if (g <= 0 || g > 1)
            {
                return false;
            }

            // Digits only (and one leading minus for -1): no spaces, signs or exponents that int.Parse would accept.
            ReadOnlySpan<char> bitsText = body[..g];
            ReadOnlySpan<char> groupText = body[(g + 1)..];
            if (!char.IsAsciiDigit(bitsText[0]))
            {
                return false;
            }

            bool groupDigits = groupText.Length is > 0 and <= 5
                && (groupText.SequenceEqual("-1") || !groupText.ContainsAnyExcept("0123456789"));
            if (!groupDigits || !int.TryParse(groupText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int group))
            {
                return false;
            }

            int bits = bitsText[0] - '0';
            if (bits is not (2 or 3 or 4 or 8) || !IsValidGroup(group) || groupText[0] == '0')
            {
                return false;
            }

            scheme = new QuantScheme(QuantSchemeKind.WeightOnly, bits, group, symmetric, MxElement.None, null);
            return true;
        }

        private static bool IsValidGroup(int group) => group == -1 || (group is >= 16 and <= 1024 && (group & (group - 1)) == 0);

        /// <summary>The canonical name: <c>W4G128</c>, <c>W4G128-sym</c>, <c>MXFP4</c>, <c>NVFP4</c>, <c>NF4</c>, <c>Q4_K</c>.</summary>
        public override string ToString() => Kind switch
        {
            QuantSchemeKind.WeightOnly => string.Create(CultureInfo.InvariantCulture, $"W{Bits}G{GroupSize}{(Symmetric ? SymmetricSuffix : "")}"),
            QuantSchemeKind.Mx => MxElement switch
            {
                MxElement.Fp8E4M3 => "MXFP8E4M3",
                MxElement.Fp8E5M2 => "MXFP8E5M2",
                MxElement.Fp6E3M2 => "MXFP6E3M2",
                MxElement.Fp6E2M3 => "MXFP6E2M3",
                MxElement.Fp4E2M1 => "MXFP4",
                _ => "MXINT8",
            },
            QuantSchemeKind.Nvfp4 => "NVFP4",
            QuantSchemeKind.Nf4 => "NF4",
            QuantSchemeKind.Ggml => _ggmlName!,
            _ => "(default QuantScheme)",
        };

        /// <summary>Every scheme NumForge quantizes itself (the ggml block types excluded): the W{N}G{M} schemes named in
        /// the product brief (W4G-1, W4G128, W3G128, W2G128, W8G128), the six MX schemes, NVFP4 and NF4.</summary>
        public static QuantScheme[] Common =>
        [
            WeightOnly(4, -1), WeightOnly(4, 128), WeightOnly(3, 128), WeightOnly(2, 128), WeightOnly(8, 128),
            Mx(MxElement.Fp8E4M3), Mx(MxElement.Fp8E5M2), Mx(MxElement.Fp6E3M2), Mx(MxElement.Fp6E2M3), Mx(MxElement.Fp4E2M1), Mx(MxElement.Int8),
            NVFP4, NF4,
        ];

        /// <summary>The ggml block types, <c>Q4_0</c> ... <c>Q6_K</c> (quantized by <c>BlockQ4_0</c> ... <c>BlockQ6_K</c>).</summary>
        public static QuantScheme[] GgmlTypes => Array.ConvertAll(s_ggmlNames, Parse);

        /// <inheritdoc/>
        public bool Equals(QuantScheme other)
            => Kind == other.Kind && Bits == other.Bits && GroupSize == other.GroupSize && Symmetric == other.Symmetric
            && MxElement == other.MxElement && string.Equals(_ggmlName, other._ggmlName, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is QuantScheme other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(Kind, Bits, GroupSize, Symmetric, MxElement, _ggmlName);

        /// <summary>True when both name the same scheme.</summary>
        public static bool operator ==(QuantScheme left, QuantScheme right) => left.Equals(right);

        /// <summary>True when they name different schemes.</summary>
        public static bool operator !=(QuantScheme left, QuantScheme right) => !left.Equals(right);
    }
}

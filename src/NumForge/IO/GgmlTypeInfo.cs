using System;

namespace NumForge.IO
{
    /// <summary>Elements per block and bytes per block of each ggml type (ggml's type traits; 0 for ids ggml does not define).</summary>
    internal static class GgmlTypeInfo
    {
        private static ReadOnlySpan<byte> BlockElementsLog2 => [0, 0, 5, 5, 0, 0, 5, 5, 5, 5, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 8, 8, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 8, 8, 0, 0, 0, 5, 6, 7, 6];

        private static ReadOnlySpan<ushort> BlockBytes => [4, 2, 18, 20, 0, 0, 22, 24, 34, 36, 84, 110, 144, 176, 210, 292, 66, 74, 98, 50, 18, 110, 82, 136, 1, 2, 4, 8, 8, 56, 2, 0, 0, 0, 54, 66, 0, 0, 0, 17, 36, 18, 18];

        /// <summary>Whether <paramref name="id"/> is a type ggml reads (not removed, not unknown).</summary>
        public static bool IsKnown(uint id) => id < (uint)BlockBytes.Length && BlockBytes[(int)id] != 0;

        public static int BlockElements(GgmlType type) => 1 << BlockElementsLog2[(int)type];

        public static int BytesPerBlock(GgmlType type) => BlockBytes[(int)type];

        /// <summary>The ggml type of a NumForge block type, or null.</summary>
        public static GgmlType? Of<TBlock>()
        {
            if (typeof(TBlock) == typeof(BlockQ4_0)) { return GgmlType.Q4_0; }
            if (typeof(TBlock) == typeof(BlockQ4_1)) { return GgmlType.Q4_1; }
            if (typeof(TBlock) == typeof(BlockQ5_0)) { return GgmlType.Q5_0; }
            if (typeof(TBlock) == typeof(BlockQ5_1)) { return GgmlType.Q5_1; }
            if (typeof(TBlock) == typeof(BlockQ8_0)) { return GgmlType.Q8_0; }
            if (typeof(TBlock) == typeof(BlockQ2_K)) { return GgmlType.Q2_K; }
            if (typeof(TBlock) == typeof(BlockQ3_K)) { return GgmlType.Q3_K; }
            if (typeof(TBlock) == typeof(BlockQ4_K)) { return GgmlType.Q4_K; }
            if (typeof(TBlock) == typeof(BlockQ5_K)) { return GgmlType.Q5_K; }
            if (typeof(TBlock) == typeof(BlockQ6_K)) { return GgmlType.Q6_K; }
            if (typeof(TBlock) == typeof(BlockMXFP4)) { return GgmlType.MXFP4; }
            if (typeof(TBlock) == typeof(BlockNVFP4)) { return GgmlType.NVFP4; }
            if (typeof(TBlock) == typeof(float)) { return GgmlType.F32; }
            if (typeof(TBlock) == typeof(Half)) { return GgmlType.F16; }
            if (typeof(TBlock) == typeof(double)) { return GgmlType.F64; }
            if (typeof(TBlock) == typeof(sbyte)) { return GgmlType.I8; }
            if (typeof(TBlock) == typeof(short)) { return GgmlType.I16; }
            if (typeof(TBlock) == typeof(int)) { return GgmlType.I32; }
            if (typeof(TBlock) == typeof(long)) { return GgmlType.I64; }
            return null;
        }
    }
}

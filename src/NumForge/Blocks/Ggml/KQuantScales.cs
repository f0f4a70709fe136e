namespace NumForge.Blocks.Ggml
{
    /// <summary>
    /// The 12-byte packing of eight 6-bit scales and eight 6-bit mins shared by Q4_K and Q5_K (ggml's
    /// get_scale_min_k4 and its inverse in the quantizers).
    /// </summary>
    internal static class KQuantScales
    {
        /// <summary>get_scale_min_k4: scale and min of sub-block <paramref name="j"/>.</summary>
        public static void Get(int j, in Bytes12 q, out int scale, out int min)
        {
            if (j < 4)
            {
                scale = q[j] & 63;
                min = q[j + 4] & 63;
            }
            else
            {
                scale = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
                min = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
            }
        }

        /// <summary>Stores sub-block <paramref name="j"/>'s 6-bit scale and min (j ascending, as the quantizers do).</summary>
        public static void Set(int j, ref Bytes12 q, byte scale, byte min)
        {
            if (j < 4)
            {
                q[j] = scale;
                q[j + 4] = min;
            }
            else
            {
                q[j + 4] = (byte)((scale & 0xF) | ((min & 0xF) << 4));
                q[j - 4] |= (byte)((scale >> 4) << 6);
                q[j] |= (byte)((min >> 4) << 6);
            }
        }
    }
}

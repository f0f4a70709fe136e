namespace NumForge.CompilerServices.Integers
{
    /// <summary>For 1-bit unpacking: entry p holds eight bytes, byte k being bit k of p.</summary>
    internal static class BitSpread
    {
        public static readonly ulong[] Table = Build();

        private static ulong[] Build()
        {
            var table = new ulong[256];
            for (int p = 0; p < 256; p++)
            {
                ulong spread = 0;
                for (int k = 0; k < 8; k++)
                {
                    spread |= (ulong)((p >> k) & 1) << (8 * k);
                }

                table[p] = spread;
            }

            return table;
        }
    }
}

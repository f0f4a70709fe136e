using System;

namespace NumForge.IO
{
    /// <summary>The safetensors dtype names: bits per element and the NumForge (or BCL) element type.</summary>
    internal static class SafeTensorsDtype
    {
        private static readonly (string Name, int Bits, Type Type)[] s_all =
        [
            ("BOOL", 8, typeof(bool)), ("U8", 8, typeof(byte)), ("I8", 8, typeof(sbyte)),
            ("U16", 16, typeof(ushort)), ("I16", 16, typeof(short)), ("F16", 16, typeof(Half)), ("BF16", 16, typeof(BFloat16)),
            ("U32", 32, typeof(uint)), ("I32", 32, typeof(int)), ("F32", 32, typeof(float)),
            ("U64", 64, typeof(ulong)), ("I64", 64, typeof(long)), ("F64", 64, typeof(double)),
            ("F8_E4M3", 8, typeof(Float8E4M3FN)), ("F8_E5M2", 8, typeof(Float8E5M2)), ("F8_E8M0", 8, typeof(Float8E8M0FNU)),
            ("F8_E4M3FNUZ", 8, typeof(Float8E4M3FNUZ)), ("F8_E5M2FNUZ", 8, typeof(Float8E5M2FNUZ)),

            // Packed sub-byte formats: read and written as bytes (four FP6 values per three bytes, two FP4 per byte).
            ("F6_E2M3", 6, typeof(byte)), ("F6_E3M2", 6, typeof(byte)), ("F4", 4, typeof(byte)),
        ];

        public static string Names => string.Join(", ", Array.ConvertAll(s_all, d => d.Name));

        public static bool TryFind(string name, out int bits, out Type type)
        {
            foreach ((string n, int b, Type t) in s_all)
            {
                if (string.Equals(n, name, StringComparison.Ordinal))
                {
                    bits = b;
                    type = t;
                    return true;
                }
            }

            bits = 0;
            type = typeof(void);
            return false;
        }

        /// <summary>The dtype a writer uses for elements of type <typeparamref name="T"/> (the first match; byte is U8).</summary>
        public static string? ForType<T>()
            where T : unmanaged
        {
            foreach ((string n, int b, Type t) in s_all)
            {
                if (t == typeof(T) && b == 8 * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
                {
                    return n;
                }
            }

            return null;
        }
    }
}

using System;
using System.Runtime.InteropServices;

namespace NumForge.Tests.Ggml
{
    /// <summary>ggml's own GGUF reader and writer (gguf_* and a few ggml_* exports of libggml-base.so).</summary>
    internal static unsafe class GgufNative
    {
        [StructLayout(LayoutKind.Sequential)]
        public struct InitParams
        {
            public byte NoAlloc;
            public nint Context;
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct GgmlInitParams
        {
            public nuint MemSize;
            public nint MemBuffer;
            public byte NoAlloc;
        }

        private static nint F(string name) => GgmlNative.Export(name);

        public static nint InitFromFile(string path, nint* ggmlContext)
        {
            nint p = Marshal.StringToCoTaskMemUTF8(path);
            try
            {
                return ((delegate* unmanaged<nint, InitParams, nint>)F("gguf_init_from_file"))(p, new InitParams { NoAlloc = 1, Context = (nint)ggmlContext });
            }
            finally
            {
                Marshal.FreeCoTaskMem(p);
            }
        }

        public static void Free(nint ctx) => ((delegate* unmanaged<nint, void>)F("gguf_free"))(ctx);

        public static long KvCount(nint ctx) => ((delegate* unmanaged<nint, long>)F("gguf_get_n_kv"))(ctx);

        public static string Key(nint ctx, long i) => Str(((delegate* unmanaged<nint, long, nint>)F("gguf_get_key"))(ctx, i));

        public static int KvType(nint ctx, long i) => ((delegate* unmanaged<nint, long, int>)F("gguf_get_kv_type"))(ctx, i);

        public static int ArrType(nint ctx, long i) => ((delegate* unmanaged<nint, long, int>)F("gguf_get_arr_type"))(ctx, i);

        public static long ArrCount(nint ctx, long i) => (long)((delegate* unmanaged<nint, long, nuint>)F("gguf_get_arr_n"))(ctx, i);

        public static nint ArrData(nint ctx, long i) => ((delegate* unmanaged<nint, long, nint>)F("gguf_get_arr_data"))(ctx, i);

        public static string ArrString(nint ctx, long i, long j) => Str(((delegate* unmanaged<nint, long, nuint, nint>)F("gguf_get_arr_str"))(ctx, i, (nuint)j));

        public static nint ValData(nint ctx, long i) => ((delegate* unmanaged<nint, long, nint>)F("gguf_get_val_data"))(ctx, i);

        public static string ValString(nint ctx, long i) => Str(((delegate* unmanaged<nint, long, nint>)F("gguf_get_val_str"))(ctx, i));

        public static long TensorCount(nint ctx) => ((delegate* unmanaged<nint, long>)F("gguf_get_n_tensors"))(ctx);

        public static string TensorName(nint ctx, long i) => Str(((delegate* unmanaged<nint, long, nint>)F("gguf_get_tensor_name"))(ctx, i));

        public static int TensorType(nint ctx, long i) => ((delegate* unmanaged<nint, long, int>)F("gguf_get_tensor_type"))(ctx, i);

        public static long TensorOffset(nint ctx, long i) => (long)((delegate* unmanaged<nint, long, nuint>)F("gguf_get_tensor_offset"))(ctx, i);

        public static long TensorSize(nint ctx, long i) => (long)((delegate* unmanaged<nint, long, nuint>)F("gguf_get_tensor_size"))(ctx, i);

        public static long DataOffset(nint ctx) => (long)((delegate* unmanaged<nint, nuint>)F("gguf_get_data_offset"))(ctx);

        public static long Alignment(nint ctx) => (long)((delegate* unmanaged<nint, nuint>)F("gguf_get_alignment"))(ctx);

        /// <summary>ne[0..3] of a tensor of the ggml context gguf_init_from_file made (struct ggml_tensor: type, buffer, ne[4]).</summary>
        public static long[] Dimensions(nint ggmlContext, string name)
        {
            nint p = Marshal.StringToCoTaskMemUTF8(name);
            try
            {
                nint tensor = ((delegate* unmanaged<nint, nint, nint>)F("ggml_get_tensor"))(ggmlContext, p);
                long* ne = (long*)(tensor + 16);
                return [ne[0], ne[1], ne[2], ne[3]];
            }
            finally
            {
                Marshal.FreeCoTaskMem(p);
            }
        }

        public static void FreeGgml(nint ggmlContext) => ((delegate* unmanaged<nint, void>)F("ggml_free"))(ggmlContext);

        // Writer side.
        public static nint InitEmpty() => ((delegate* unmanaged<nint>)F("gguf_init_empty"))();

        public static nint GgmlInit(long bytes) => ((delegate* unmanaged<GgmlInitParams, nint>)F("ggml_init"))(new GgmlInitParams { MemSize = (nuint)bytes });

        public static nint NewTensor(nint ggml, int type, long[] ne, string name, ReadOnlySpan<byte> data)
        {
            nint tensor;
            fixed (long* pne = ne)
            {
                tensor = ((delegate* unmanaged<nint, int, int, long*, nint>)F("ggml_new_tensor"))(ggml, type, ne.Length, pne);
            }

            WithString(name, p => ((delegate* unmanaged<nint, nint, nint>)F("ggml_set_name"))(tensor, p));
            nint dst = ((delegate* unmanaged<nint, nint>)F("ggml_get_data"))(tensor);
            data.CopyTo(new Span<byte>((void*)dst, data.Length));
            return tensor;
        }

        public static void AddTensor(nint ctx, nint tensor) => ((delegate* unmanaged<nint, nint, void>)F("gguf_add_tensor"))(ctx, tensor);

        public static void SetU32(nint ctx, string key, uint v) => WithString(key, k => ((delegate* unmanaged<nint, nint, uint, void>)F("gguf_set_val_u32"))(ctx, k, v));

        public static void SetI8(nint ctx, string key, sbyte v) => WithString(key, k => ((delegate* unmanaged<nint, nint, sbyte, void>)F("gguf_set_val_i8"))(ctx, k, v));

        public static void SetU64(nint ctx, string key, ulong v) => WithString(key, k => ((delegate* unmanaged<nint, nint, ulong, void>)F("gguf_set_val_u64"))(ctx, k, v));

        public static void SetF32(nint ctx, string key, float v) => WithString(key, k => ((delegate* unmanaged<nint, nint, float, void>)F("gguf_set_val_f32"))(ctx, k, v));

        public static void SetF64(nint ctx, string key, double v) => WithString(key, k => ((delegate* unmanaged<nint, nint, double, void>)F("gguf_set_val_f64"))(ctx, k, v));

        public static void SetBool(nint ctx, string key, bool v) => WithString(key, k => ((delegate* unmanaged<nint, nint, byte, void>)F("gguf_set_val_bool"))(ctx, k, (byte)(v ? 1 : 0)));

        public static void SetString(nint ctx, string key, string v) => WithString(key, k => WithString(v, s => ((delegate* unmanaged<nint, nint, nint, void>)F("gguf_set_val_str"))(ctx, k, s)));

        public static void SetArray(nint ctx, string key, int type, ReadOnlySpan<byte> data, long count)
        {
            fixed (byte* p = data)
            {
                byte* pd = p;
                WithString(key, k => ((delegate* unmanaged<nint, nint, int, byte*, nuint, void>)F("gguf_set_arr_data"))(ctx, k, type, pd, (nuint)count));
            }
        }

        public static void SetStringArray(nint ctx, string key, string[] values)
        {
            nint[] ptrs = Array.ConvertAll(values, Marshal.StringToCoTaskMemUTF8);
            try
            {
                fixed (nint* p = ptrs)
                {
                    nint* pp = p;
                    WithString(key, k => ((delegate* unmanaged<nint, nint, nint*, nuint, void>)F("gguf_set_arr_str"))(ctx, k, pp, (nuint)values.Length));
                }
            }
            finally
            {
                Array.ForEach(ptrs, Marshal.FreeCoTaskMem);
            }
        }

        public static bool WriteToFile(nint ctx, string path)
        {
            bool ok = false;
            WithString(path, p => ok = ((delegate* unmanaged<nint, nint, byte, byte>)F("gguf_write_to_file"))(ctx, p, 0) != 0);
            return ok;
        }

        private static void WithString(string s, Action<nint> use)
        {
            nint p = Marshal.StringToCoTaskMemUTF8(s);
            try
            {
                use(p);
            }
            finally
            {
                Marshal.FreeCoTaskMem(p);
            }
        }

        private static string Str(nint p) => Marshal.PtrToStringUTF8(p) ?? throw new InvalidOperationException("ggml returned a null string.");
    }
}

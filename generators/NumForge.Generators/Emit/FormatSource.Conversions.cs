namespace NumForge.Generators.Emit
{
    // The BCL number types every family converts from and to, and the kernel each integer type goes through: written
    // once so that the families' conversion sections only say how their own kernels are called.
    internal abstract partial class FormatSource
    {
        /// <summary>The types a format converts from explicitly: the binary floats, decimal, then the integers.</summary>
        protected static readonly string[] ConversionSources =
        {
            "float", "double", "global::System.Half", "decimal",
            "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong",
            "global::System.Int128", "global::System.UInt128", "global::System.IntPtr", "global::System.UIntPtr", "char",
        };

        /// <summary>Integer types a format converts to, truncating toward zero (saturating, or checked).</summary>
        protected static readonly string[] IntegerTargets =
        {
            "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong",
            "global::System.Int128", "global::System.UInt128", "global::System.IntPtr", "global::System.UIntPtr", "char",
        };

        /// <summary>The codec method an integer type converts through: by signedness, 64 or 128 bits.</summary>
        protected static string IntegerKernel(string type) => type switch
        {
            "global::System.Int128" => "FromInt128",
            "global::System.UInt128" => "FromUInt128",
            "sbyte" or "short" or "int" or "long" or "global::System.IntPtr" => "FromInt64",
            _ => "FromUInt64",
        };
    }
}

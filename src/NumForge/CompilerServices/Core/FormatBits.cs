using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NumForge.CompilerServices.Core
{
    /// <summary>
    /// Reinterprets a format value as its encoding widened to <see cref="ulong"/> (the kernels' code type) and back, for
    /// any generated format struct: a struct holding exactly one byte, ushort, uint or ulong of bits. The size test folds
    /// away when the JIT specialises a caller for one format.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FormatBits
    {
        /// <summary>The encoding of <paramref name="value"/>, zero-extended.</summary>
        /// <typeparam name="TSelf">A format struct of 1, 2, 4 or 8 bytes.</typeparam>
        /// <param name="value">The value.</param>
        /// <returns>Its bits in the low bits.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong ToCode<TSelf>(TSelf value)
            where TSelf : unmanaged => Unsafe.SizeOf<TSelf>() switch
            {
                1 => Unsafe.As<TSelf, byte>(ref value),
                2 => Unsafe.As<TSelf, ushort>(ref value),
                4 => Unsafe.As<TSelf, uint>(ref value),
                _ => Unsafe.As<TSelf, ulong>(ref value),
            };

        /// <summary>The value whose encoding is <paramref name="code"/>; bits above the struct's size are dropped.</summary>
        /// <typeparam name="TSelf">A format struct of 1, 2, 4 or 8 bytes.</typeparam>
        /// <param name="code">The encoding, in the low bits.</param>
        /// <returns>The value.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TSelf FromCode<TSelf>(ulong code)
            where TSelf : unmanaged
        {
            TSelf value = default;
            switch (Unsafe.SizeOf<TSelf>())
            {
                case 1:
                    Unsafe.As<TSelf, byte>(ref value) = unchecked((byte)code);
                    break;
                case 2:
                    Unsafe.As<TSelf, ushort>(ref value) = unchecked((ushort)code);
                    break;
                case 4:
                    Unsafe.As<TSelf, uint>(ref value) = unchecked((uint)code);
                    break;
                default:
                    Unsafe.As<TSelf, ulong>(ref value) = code;
                    break;
            }

            return value;
        }
    }
}

using System;
using System.Numerics;

namespace NumForge
{
    /// <summary>A NumForge number format: a value type whose bits sit in the low bits of <typeparamref name="TBits"/>.</summary>
    /// <typeparam name="TSelf">The format type.</typeparam>
    /// <typeparam name="TBits">The smallest of byte, ushort, uint and ulong that holds an encoding.</typeparam>
    public interface INumericFormat<TSelf, TBits>
        where TSelf : struct, INumericFormat<TSelf, TBits>
        where TBits : unmanaged, IBinaryInteger<TBits>, IUnsignedNumber<TBits>
    {
        /// <summary>Describes the format: widths, bias, special values and extreme values.</summary>
        static abstract FormatInfo Info { get; }

        /// <summary>Reinterprets an encoding as a value. Bits above the format's width are ignored.</summary>
        /// <param name="bits">The encoding, in the low bits.</param>
        static abstract TSelf FromBits(TBits bits);

        /// <summary>Returns the encoding of this value, in the low bits.</summary>
        TBits ToBits();
    }
}

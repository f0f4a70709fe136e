using System;
using System.ComponentModel;

namespace NumForge.CompilerServices
{
    /// <summary>
    /// A heap-backed quire of one posit format, for generic code and tests; generated posit types expose their own
    /// quire with inline storage over the same <see cref="QuireCodec{TTraits}"/> kernels. This struct is a handle: copies
    /// share one accumulator (use <see cref="Clone"/> for an independent copy). <c>default</c> is not usable; call
    /// <see cref="Create"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct Quire<TTraits>
        where TTraits : struct, IPositTraits
    {
        private readonly ulong[] _limbs;

        private Quire(ulong[] limbs) => _limbs = limbs;

        /// <summary>A new quire holding 0.</summary>
        public static Quire<TTraits> Create() => new(new ulong[TTraits.QuireLimbs]);

        /// <summary>A new quire holding the value of a posit.</summary>
        public static Quire<TTraits> FromPosit(ulong code)
        {
            Quire<TTraits> quire = Create();
            quire.AddPosit(code);
            return quire;
        }

        /// <summary>The accumulator's limbs, least significant first (see <see cref="QuireCodec{TTraits}"/>).</summary>
        public ReadOnlySpan<ulong> Limbs => Storage;

        private Span<ulong> Storage => _limbs ?? throw new InvalidOperationException("Use Quire.Create() to make a quire.");

        /// <summary>Whether the quire is NaR.</summary>
        public bool IsNaR => QuireCodec<TTraits>.IsNaR(Storage);

        /// <summary>Whether the quire holds 0.</summary>
        public bool IsZero => QuireCodec<TTraits>.IsZero(Storage);

        /// <summary>An independent copy.</summary>
        public Quire<TTraits> Clone() => new((ulong[])Storage.ToArray());

        /// <summary>Sets the quire to 0.</summary>
        public void Clear() => QuireCodec<TTraits>.Clear(Storage);

        /// <summary>Sets the quire to NaR.</summary>
        public void SetNaR() => QuireCodec<TTraits>.SetNaR(Storage);

        /// <summary>quire += x.</summary>
        public void AddPosit(ulong code) => QuireCodec<TTraits>.AddPosit(Storage, code);

        /// <summary>quire -= x.</summary>
        public void SubtractPosit(ulong code) => QuireCodec<TTraits>.SubtractPosit(Storage, code);

        /// <summary>quire += x × y, exactly.</summary>
        public void AddProduct(ulong x, ulong y) => QuireCodec<TTraits>.AddProduct(Storage, x, y);

        /// <summary>quire -= x × y, exactly.</summary>
        public void SubtractProduct(ulong x, ulong y) => QuireCodec<TTraits>.SubtractProduct(Storage, x, y);

        /// <summary>quire += other.</summary>
        public void Add(Quire<TTraits> other) => QuireCodec<TTraits>.Add(Storage, other.Storage);

        /// <summary>quire -= other.</summary>
        public void Subtract(Quire<TTraits> other) => QuireCodec<TTraits>.Subtract(Storage, other.Storage);

        /// <summary>quire = -quire.</summary>
        public void Negate() => QuireCodec<TTraits>.Negate(Storage);

        /// <summary>The value rounded once to the posit format.</summary>
        public ulong ToPosit() => QuireCodec<TTraits>.ToPosit(Storage);
    }
}

// Compiled into both the runtime and the source generator (see SpecialValues.cs).
namespace NumForge
{
    /// <summary>What a conversion gives for a finite value that rounds past the largest finite value of a format.</summary>
    public enum OverflowBehavior
    {
        /// <summary>
        /// The format's natural choice: <see cref="Infinity"/> for <see cref="SpecialValues.Ieee"/>, <see cref="NaN"/>
        /// for the FiniteNaN kinds, <see cref="Saturate"/> for <see cref="SpecialValues.Finite"/>.
        /// </summary>
        Default = 0,

        /// <summary>Overflow gives ±infinity (only formats with infinities).</summary>
        Infinity = 1,

        /// <summary>Overflow gives NaN (only formats with a NaN).</summary>
        NaN = 2,

        /// <summary>Overflow gives ±the largest finite value.</summary>
        Saturate = 3,
    }
}

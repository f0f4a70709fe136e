using System;
using System.ComponentModel;

namespace NumForge.CompilerServices.Core
{
    /// <summary>The non-generic <see cref="IComparable.CompareTo(object)"/> of every format, written once.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FormatComparison
    {
        /// <summary>
        /// Compares <paramref name="value"/> with <paramref name="obj"/>, which must be null (less than every value) or a
        /// <typeparamref name="TSelf"/>; anything else throws <see cref="ArgumentException"/>.
        /// </summary>
        /// <typeparam name="TSelf">The format struct.</typeparam>
        /// <param name="value">The value.</param>
        /// <param name="obj">The object to compare with.</param>
        /// <returns>Negative, zero or positive as <paramref name="value"/> is less than, equal to or greater than <paramref name="obj"/>.</returns>
        public static int CompareTo<TSelf>(TSelf value, object? obj)
            where TSelf : struct, IComparable<TSelf>
        {
            if (obj is TSelf other)
            {
                return value.CompareTo(other);
            }

            return obj is null ? 1 : throw new ArgumentException("Object must be of type " + typeof(TSelf).Name + ".", nameof(obj));
        }
    }
}

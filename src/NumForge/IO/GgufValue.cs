using System;

namespace NumForge
{
    /// <summary>
    /// One GGUF metadata value: a scalar (byte, sbyte, ushort, short, uint, int, float, bool, ulong, long, double), a
    /// string, or an array of one of those (T[] or string[]).
    /// </summary>
    public sealed class GgufValue : IEquatable<GgufValue>
    {
        private GgufValue(GgufValueType type, GgufValueType elementType, object value)
        {
            Type = type;
            ElementType = elementType;
            Value = value;
        }

        /// <summary>Gets the value's type.</summary>
        public GgufValueType Type { get; }

        /// <summary>Gets the element type of an array (the value's own type otherwise).</summary>
        public GgufValueType ElementType { get; }

        /// <summary>Gets the value: a boxed scalar, a string, or an array (T[] or string[]).</summary>
        public object Value { get; }

        /// <summary>Gets the value as <typeparamref name="T"/> (a scalar type, string, T[] or string[]).</summary>
        /// <exception cref="InvalidCastException">The value is of another type.</exception>
        public T Get<T>() => Value is T t ? t : throw new InvalidCastException($"The GGUF value is {Type}{(Type == GgufValueType.Array ? " of " + ElementType : "")}, not {typeof(T).Name}.");

        /// <summary>A value of any supported CLR type (scalars, string, bool, and arrays of them).</summary>
        /// <exception cref="ArgumentException">The type has no GGUF equivalent.</exception>
        public static GgufValue From(object value)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value is Array array)
            {
                Type? element = value.GetType().GetElementType();
                GgufValueType elementType = ScalarType(element!) ?? throw new ArgumentException($"Arrays of {element} have no GGUF type.", nameof(value));
                if (array.Rank != 1)
                {
                    throw new ArgumentException("GGUF arrays are one-dimensional.", nameof(value));
                }

                return new GgufValue(GgufValueType.Array, elementType, value);
            }

            GgufValueType type = ScalarType(value.GetType()) ?? throw new ArgumentException($"{value.GetType()} has no GGUF type.", nameof(value));
            return new GgufValue(type, type, value);
        }

        internal static GgufValue Create(GgufValueType type, GgufValueType elementType, object value) => new(type, elementType, value);

        internal static GgufValueType? ScalarType(Type type)
            => type == typeof(byte) ? GgufValueType.UInt8
            : type == typeof(sbyte) ? GgufValueType.Int8
            : type == typeof(ushort) ? GgufValueType.UInt16
            : type == typeof(short) ? GgufValueType.Int16
            : type == typeof(uint) ? GgufValueType.UInt32
            : type == typeof(int) ? GgufValueType.Int32
            : type == typeof(float) ? GgufValueType.Float32
            : type == typeof(bool) ? GgufValueType.Bool
            : type == typeof(string) ? GgufValueType.String
            : type == typeof(ulong) ? GgufValueType.UInt64
            : type == typeof(long) ? GgufValueType.Int64
            : type == typeof(double) ? GgufValueType.Float64
            : null;

        /// <inheritdoc/>
        public bool Equals(GgufValue? other)
        {
            if (other is null || other.Type != Type || other.ElementType != ElementType)
            {
                return false;
            }

            if (Value is Array a && other.Value is Array b)
            {
                if (a.Length != b.Length)
                {
                    return false;
                }

                for (int i = 0; i < a.Length; i++)
                {
                    if (!Equals(a.GetValue(i), b.GetValue(i)))
                    {
                        return false;
                    }
                }

                return true;
            }

            return Value.Equals(other.Value);
        }

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as GgufValue);

        /// <inheritdoc/>
        public override int GetHashCode() => HashCode.Combine(Type, ElementType, Value is Array a ? a.Length : Value.GetHashCode());

        /// <inheritdoc/>
        public override string ToString() => Value is Array a ? $"{ElementType}[{a.Length}]" : Value.ToString() ?? "";
    }
}

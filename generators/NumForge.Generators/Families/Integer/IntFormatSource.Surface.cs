namespace NumForge.Generators.Families.Integer
{
    /// <content>The surface: conversions, operators, number members, text, generic math and spans, all forwarders.</content>
    internal sealed partial class IntFormatSource
    {
        /// <summary>The BCL integer types with their ranges: a conversion to one is implicit exactly when it holds every value.</summary>
        private static readonly (string Type, double Min, double Max)[] IntegerTypes =
        {
            ("sbyte", sbyte.MinValue, sbyte.MaxValue),
            ("byte", byte.MinValue, byte.MaxValue),
            ("short", short.MinValue, short.MaxValue),
            ("ushort", ushort.MinValue, ushort.MaxValue),
            ("int", int.MinValue, int.MaxValue),
            ("uint", uint.MinValue, uint.MaxValue),
            ("long", long.MinValue, long.MaxValue),
            ("ulong", ulong.MinValue, ulong.MaxValue),
            ("global::System.Int128", -1.7e38, 1.7e38),
            ("global::System.UInt128", 0, 3.4e38),
            ("global::System.IntPtr", int.MinValue, int.MaxValue),
            ("global::System.UIntPtr", 0, uint.MaxValue),
            ("char", char.MinValue, char.MaxValue),
        };

        /// <summary>Floating-point types: every value converts exactly (implicitly); from them, casts truncate.</summary>
        private static readonly (string Type, string To, string From, string FromChecked)[] FloatTypes =
        {
            ("float", "ToSingle", "FromSingle", "FromSingleChecked"),
            ("double", "ToDouble", "FromDouble", "FromDoubleChecked"),
            ("global::System.Half", "ToHalf", "FromHalf", "FromHalfChecked"),
        };

        // ================================================================ conversions

        private void EmitConversions()
        {
            _w.Section("conversions");
            foreach (var (type, min, max) in IntegerTypes)
            {
                string name = Short(type);
                Member($$"""
                    /// <summary>Converts from <c>{{name}}</c>, keeping the low {{Int(_layout.Bits)}} bits (wraps, as <c>(sbyte)300</c> does).</summary>
                    /// <param name="value">The value to convert.</param>
                    public static explicit operator {{Self}}({{type}} value) => FromCode({{Codec}}.FromInteger(value));

                    /// <summary>Converts from <c>{{name}}</c>; <c>OverflowException</c> when the value is out of range.</summary>
                    /// <param name="value">The value to convert.</param>
                    public static explicit operator checked {{Self}}({{type}} value) => FromCode({{Codec}}.FromIntegerChecked(value));
                    """);
                if (_layout.FitsIn(min, max))
                {
                    Member($$"""
                        /// <summary>Converts to <c>{{name}}</c> exactly: it holds every value.</summary>
                        /// <param name="value">The value to convert.</param>
                        public static implicit operator {{type}}({{Self}} value) => {{Codec}}.ToInteger<{{type}}>(value._bits);
                        """);
                }
                else
                {
                    Member($$"""
                        /// <summary>Converts to <c>{{name}}</c>, wrapping a value it cannot hold (as <c>(byte)(sbyte)-1</c> is 255).</summary>
                        /// <param name="value">The value to convert.</param>
                        public static explicit operator {{type}}({{Self}} value) => {{Codec}}.ToInteger<{{type}}>(value._bits);

                        /// <summary>Converts to <c>{{name}}</c>; <c>OverflowException</c> for a value it cannot hold.</summary>
                        /// <param name="value">The value to convert.</param>
                        public static explicit operator checked {{type}}({{Self}} value) => {{Codec}}.ToIntegerChecked<{{type}}>(value._bits);
                        """);
                }
            }

            foreach (var (type, to, from, fromChecked) in FloatTypes)
            {
                string name = Short(type);
                Member($$"""
                    /// <summary>Converts from <c>{{name}}</c> as <c>(sbyte)x</c> does: truncates toward zero and saturates at the range; NaN gives 0.</summary>
                    /// <param name="value">The value to convert.</param>
                    public static explicit operator {{Self}}({{type}} value) => FromCode({{Codec}}.{{from}}(value));

                    /// <summary>Converts from <c>{{name}}</c>, truncating toward zero; <c>OverflowException</c> for NaN, infinities and values out of range.</summary>
                    /// <param name="value">The value to convert.</param>
                    public static explicit operator checked {{Self}}({{type}} value) => FromCode({{Codec}}.{{fromChecked}}(value));

                    /// <summary>Converts to <c>{{name}}</c> exactly.</summary>
                    /// <param name="value">The value to convert.</param>
                    public static implicit operator {{type}}({{Self}} value) => {{Codec}}.{{to}}(value._bits);
                    """);
            }

            Member($$"""
                /// <summary>Converts from <c>decimal</c> as <c>(sbyte)m</c> does: truncates toward zero; <c>OverflowException</c> when out of range.</summary>
                /// <param name="value">The value to convert.</param>
                public static explicit operator {{Self}}(decimal value) => FromCode({{Codec}}.FromDecimal(value));

                /// <summary>Converts to <c>decimal</c> exactly.</summary>
                /// <param name="value">The value to convert.</param>
                public static implicit operator decimal({{Self}} value) => {{Codec}}.ToDecimal(value._bits);
                """);
        }

        // ================================================================ operators

        private void EmitOperators()
        {
            _w.Section("operators");
            foreach (var (symbol, kernel, what) in new[]
            {
                ("+", "Add", "sum"), ("-", "Subtract", "difference"), ("*", "Multiply", "product"),
            })
            {
                Member($$"""
                    /// <summary>The {{what}}, wrapping modulo 2^{{Int(_layout.Bits)}}.</summary>
                    /// <param name="left">The left operand.</param>
                    /// <param name="right">The right operand.</param>
                    public static {{Self}} operator {{symbol}}({{Self}} left, {{Self}} right) => FromCode({{Codec}}.{{kernel}}(left._bits, right._bits));

                    /// <summary>The {{what}}; <c>OverflowException</c> when out of range.</summary>
                    /// <param name="left">The left operand.</param>
                    /// <param name="right">The right operand.</param>
                    public static {{Self}} operator checked {{symbol}}({{Self}} left, {{Self}} right) => FromCode({{Codec}}.{{kernel}}Checked(left._bits, right._bits));
                    """);
            }

            Member($$"""
                /// <summary>The quotient truncated toward zero, wrapping (MinValue / -1 is MinValue); <c>DivideByZeroException</c> for a zero divisor.</summary>
                /// <param name="left">The dividend.</param>
                /// <param name="right">The divisor.</param>
                public static {{Self}} operator /({{Self}} left, {{Self}} right) => FromCode({{Codec}}.Divide(left._bits, right._bits));

                /// <summary>The quotient truncated toward zero; <c>OverflowException</c> for MinValue / -1, <c>DivideByZeroException</c> for a zero divisor.</summary>
                /// <param name="left">The dividend.</param>
                /// <param name="right">The divisor.</param>
                public static {{Self}} operator checked /({{Self}} left, {{Self}} right) => FromCode({{Codec}}.DivideChecked(left._bits, right._bits));

                /// <summary>The remainder of truncated division (it has the dividend's sign); <c>DivideByZeroException</c> for a zero divisor.</summary>
                /// <param name="left">The dividend.</param>
                /// <param name="right">The divisor.</param>
                public static {{Self}} operator %({{Self}} left, {{Self}} right) => FromCode({{Codec}}.Remainder(left._bits, right._bits));

                /// <summary>The negation, wrapping modulo 2^{{Int(_layout.Bits)}}.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator -({{Self}} value) => FromCode({{Codec}}.Negate(value._bits));

                /// <summary>The negation; <c>OverflowException</c> when out of range.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator checked -({{Self}} value) => FromCode({{Codec}}.NegateChecked(value._bits));

                /// <summary>The value itself.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator +({{Self}} value) => value;

                /// <summary>The value plus one, wrapping.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator ++({{Self}} value) => FromCode({{Codec}}.Increment(value._bits));

                /// <summary>The value plus one; <c>OverflowException</c> at MaxValue.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator checked ++({{Self}} value) => FromCode({{Codec}}.IncrementChecked(value._bits));

                /// <summary>The value minus one, wrapping.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator --({{Self}} value) => FromCode({{Codec}}.Decrement(value._bits));

                /// <summary>The value minus one; <c>OverflowException</c> at MinValue.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator checked --({{Self}} value) => FromCode({{Codec}}.DecrementChecked(value._bits));

                /// <summary>Bitwise and.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static {{Self}} operator &({{Self}} left, {{Self}} right) => FromCode({{Codec}}.And(left._bits, right._bits));

                /// <summary>Bitwise or.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static {{Self}} operator |({{Self}} left, {{Self}} right) => FromCode({{Codec}}.Or(left._bits, right._bits));

                /// <summary>Bitwise exclusive or.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static {{Self}} operator ^({{Self}} left, {{Self}} right) => FromCode({{Codec}}.Xor(left._bits, right._bits));

                /// <summary>Bitwise complement of the {{Int(_layout.Bits)}} bits.</summary>
                /// <param name="value">The operand.</param>
                public static {{Self}} operator ~({{Self}} value) => FromCode({{Codec}}.OnesComplement(value._bits));

                /// <summary>Shifts left by <paramref name="shiftAmount"/> modulo {{Int(_layout.Bits)}}.</summary>
                /// <param name="value">The value to shift.</param>
                /// <param name="shiftAmount">The shift count.</param>
                public static {{Self}} operator <<({{Self}} value, int shiftAmount) => FromCode({{Codec}}.ShiftLeft(value._bits, shiftAmount));

                /// <summary>Shifts right by <paramref name="shiftAmount"/> modulo {{Int(_layout.Bits)}}{{(_layout.Signed ? ", copying the sign bit" : "")}}.</summary>
                /// <param name="value">The value to shift.</param>
                /// <param name="shiftAmount">The shift count.</param>
                public static {{Self}} operator >>({{Self}} value, int shiftAmount) => FromCode({{Codec}}.ShiftRight(value._bits, shiftAmount));

                /// <summary>Shifts right by <paramref name="shiftAmount"/> modulo {{Int(_layout.Bits)}}, filling with zeros.</summary>
                /// <param name="value">The value to shift.</param>
                /// <param name="shiftAmount">The shift count.</param>
                public static {{Self}} operator >>>({{Self}} value, int shiftAmount) => FromCode({{Codec}}.ShiftRightLogical(value._bits, shiftAmount));

                /// <summary>Whether the values are equal.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static bool operator ==({{Self}} left, {{Self}} right) => left._bits == right._bits;

                /// <summary>Whether the values differ.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static bool operator !=({{Self}} left, {{Self}} right) => left._bits != right._bits;

                /// <summary>Whether left is less than right.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static bool operator <({{Self}} left, {{Self}} right) => {{Codec}}.LessThan(left._bits, right._bits);

                /// <summary>Whether left is greater than right.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static bool operator >({{Self}} left, {{Self}} right) => {{Codec}}.LessThan(right._bits, left._bits);

                /// <summary>Whether left is less than or equal to right.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static bool operator <=({{Self}} left, {{Self}} right) => {{Codec}}.LessThanOrEqual(left._bits, right._bits);

                /// <summary>Whether left is greater than or equal to right.</summary>
                /// <param name="left">The left operand.</param>
                /// <param name="right">The right operand.</param>
                public static bool operator >=({{Self}} left, {{Self}} right) => {{Codec}}.LessThanOrEqual(right._bits, left._bits);
                """);
        }

        // ================================================================ number members

        private void EmitNumberMembers()
        {
            _w.Section("number members");
            foreach (var (name, kernel, what) in new[]
            {
                ("IsNegative", "IsNegative", "is negative"),
                ("IsPositive", "IsPositive", "is zero or positive (the .NET meaning for integers)"),
                ("IsEvenInteger", "IsEvenInteger", "is even"),
                ("IsPow2", "IsPow2", "is a power of two"),
            })
            {
                Member($$"""
                    /// <summary>Whether <paramref name="value"/> {{what}}.</summary>
                    /// <param name="value">The value to test.</param>
                    public static bool {{name}}({{Self}} value) => {{Codec}}.{{kernel}}(value._bits);
                    """);
            }

            Member($$"""
                /// <summary>Whether <paramref name="value"/> is odd.</summary>
                /// <param name="value">The value to test.</param>
                public static bool IsOddInteger({{Self}} value) => !{{Codec}}.IsEvenInteger(value._bits);

                /// <summary>Whether <paramref name="value"/> is zero.</summary>
                /// <param name="value">The value to test.</param>
                public static bool IsZero({{Self}} value) => value._bits == 0;

                /// <summary>Whether <paramref name="value"/> is normal: for integers, nonzero.</summary>
                /// <param name="value">The value to test.</param>
                public static bool IsNormal({{Self}} value) => value._bits != 0;
                """);
            foreach (var (name, result) in new[]
            {
                ("IsCanonical", "true"), ("IsComplexNumber", "false"), ("IsFinite", "true"), ("IsImaginaryNumber", "false"),
                ("IsInfinity", "false"), ("IsInteger", "true"), ("IsNaN", "false"), ("IsNegativeInfinity", "false"),
                ("IsPositiveInfinity", "false"), ("IsRealNumber", "true"), ("IsSubnormal", "false"),
            })
            {
                Member($$"""
                    /// <summary>Always {{result}} for an integer: generic math asks every number.</summary>
                    /// <param name="value">The value to test.</param>
                    public static bool {{name}}({{Self}} value) => {{result}};
                    """);
            }

            foreach (var (name, kernel, what) in new[]
            {
                ("Max", "Max", "The larger value."),
                ("Min", "Min", "The smaller value."),
                ("MaxNumber", "Max", "The larger value (integers have no NaN)."),
                ("MinNumber", "Min", "The smaller value (integers have no NaN)."),
                ("MaxMagnitude", "MaxMagnitude", "The value with the larger magnitude (the larger value on a tie)."),
                ("MinMagnitude", "MinMagnitude", "The value with the smaller magnitude (the smaller value on a tie)."),
                ("MaxMagnitudeNumber", "MaxMagnitude", "The value with the larger magnitude (the larger value on a tie)."),
                ("MinMagnitudeNumber", "MinMagnitude", "The value with the smaller magnitude (the smaller value on a tie)."),
                ("CopySign", "CopySign", "The magnitude of <paramref name=\"x\"/> with the sign of <paramref name=\"y\"/>; <c>OverflowException</c> when out of range."),
            })
            {
                Member($$"""
                    /// <summary>{{what}}</summary>
                    /// <param name="x">The first value.</param>
                    /// <param name="y">The second value.</param>
                    public static {{Self}} {{name}}({{Self}} x, {{Self}} y) => FromCode({{Codec}}.{{kernel}}(x._bits, y._bits));
                    """);
            }

            Member($$"""
                /// <summary>The absolute value; <c>OverflowException</c> for MinValue of a signed format.</summary>
                /// <param name="value">The value.</param>
                public static {{Self}} Abs({{Self}} value) => FromCode({{Codec}}.Abs(value._bits));

                /// <summary>The value clamped to [<paramref name="min"/>, <paramref name="max"/>]; <c>ArgumentException</c> when min &gt; max.</summary>
                /// <param name="value">The value.</param>
                /// <param name="min">The lower bound.</param>
                /// <param name="max">The upper bound.</param>
                public static {{Self}} Clamp({{Self}} value, {{Self}} min, {{Self}} max) => FromCode({{Codec}}.Clamp(value._bits, min._bits, max._bits));

                /// <summary>-1, 0 or 1 by the sign of <paramref name="value"/>.</summary>
                /// <param name="value">The value.</param>
                public static int Sign({{Self}} value) => {{Codec}}.Sign(value._bits);

                /// <summary>The quotient and remainder of truncated division; <c>DivideByZeroException</c> for a zero divisor.</summary>
                /// <param name="left">The dividend.</param>
                /// <param name="right">The divisor.</param>
                public static ({{Self}} Quotient, {{Self}} Remainder) DivRem({{Self}} left, {{Self}} right) => (left / right, left % right);

                /// <summary>The number of set bits among the {{Int(_layout.Bits)}} bits.</summary>
                /// <param name="value">The value.</param>
                public static {{Self}} PopCount({{Self}} value) => FromCode({{Codec}}.PopCount(value._bits));

                /// <summary>The number of zero bits above the highest set bit ({{Int(_layout.Bits)}} for zero).</summary>
                /// <param name="value">The value.</param>
                public static {{Self}} LeadingZeroCount({{Self}} value) => FromCode({{Codec}}.LeadingZeroCount(value._bits));

                /// <summary>The number of zero bits below the lowest set bit ({{Int(_layout.Bits)}} for zero).</summary>
                /// <param name="value">The value.</param>
                public static {{Self}} TrailingZeroCount({{Self}} value) => FromCode({{Codec}}.TrailingZeroCount(value._bits));

                /// <summary>Rotates the {{Int(_layout.Bits)}} bits left by <paramref name="rotateAmount"/> modulo {{Int(_layout.Bits)}}.</summary>
                /// <param name="value">The value.</param>
                /// <param name="rotateAmount">The rotation count.</param>
                public static {{Self}} RotateLeft({{Self}} value, int rotateAmount) => FromCode({{Codec}}.RotateLeft(value._bits, rotateAmount));

                /// <summary>Rotates the {{Int(_layout.Bits)}} bits right by <paramref name="rotateAmount"/> modulo {{Int(_layout.Bits)}}.</summary>
                /// <param name="value">The value.</param>
                /// <param name="rotateAmount">The rotation count.</param>
                public static {{Self}} RotateRight({{Self}} value, int rotateAmount) => FromCode({{Codec}}.RotateRight(value._bits, rotateAmount));

                /// <summary>The integer base-2 logarithm (0 for 0); <c>ArgumentOutOfRangeException</c> for a negative value.</summary>
                /// <param name="value">The value.</param>
                public static {{Self}} Log2({{Self}} value) => FromCode({{Codec}}.Log2(value._bits));
                """);
            Member($"int {Numerics}.IBinaryInteger<{Self}>.GetByteCount() => 1;");
            Member($"int {Numerics}.IBinaryInteger<{Self}>.GetShortestBitLength() => {Codec}.GetShortestBitLength(_bits);");
            Member($"bool {Numerics}.IBinaryInteger<{Self}>.TryWriteBigEndian(global::System.Span<byte> destination, out int bytesWritten) => {Codec}.TryWrite(_bits, destination, out bytesWritten);");
            Member($"bool {Numerics}.IBinaryInteger<{Self}>.TryWriteLittleEndian(global::System.Span<byte> destination, out int bytesWritten) => {Codec}.TryWrite(_bits, destination, out bytesWritten);");
            Member($"static bool {Numerics}.IBinaryInteger<{Self}>.TryReadBigEndian(global::System.ReadOnlySpan<byte> source, bool isUnsigned, out {Self} value) => {Codec}.TryRead(source, isUnsigned, true, out value);");
            Member($"static bool {Numerics}.IBinaryInteger<{Self}>.TryReadLittleEndian(global::System.ReadOnlySpan<byte> source, bool isUnsigned, out {Self} value) => {Codec}.TryRead(source, isUnsigned, false, out value);");
        }

        // ================================================================ equality and text

        private void EmitEqualityAndText()
        {
            _w.Section("equality, comparison and text");
            Member($$"""
                /// <summary>Whether <paramref name="other"/> is the same value.</summary>
                /// <param name="other">The value to compare with.</param>
                public {{ReadOnly}}bool Equals({{Self}} other) => _bits == other._bits;

                /// <summary>Whether <paramref name="obj"/> is a {{Name}} with the same value.</summary>
                /// <param name="obj">The object to compare with.</param>
                public {{ReadOnly}}override bool Equals(object? obj) => obj is {{Self}} other && _bits == other._bits;

                /// <summary>A hash of the value.</summary>
                public {{ReadOnly}}override int GetHashCode() => {{Codec}}.GetHashCode(_bits);

                /// <summary>Compares with another value: negative, zero or positive as this is less, equal or greater.</summary>
                /// <param name="other">The value to compare with.</param>
                public {{ReadOnly}}int CompareTo({{Self}} other) => {{Codec}}.Compare(_bits, other._bits);

                /// <summary>Compares with an object: null is less than every value; anything but a {{Name}} throws <c>ArgumentException</c>.</summary>
                /// <param name="obj">The object to compare with.</param>
                public {{ReadOnly}}int CompareTo(object? obj) => {{Codec}}.CompareTo<{{Self}}>(_bits, obj);

                /// <summary>The value in decimal, as <c>sbyte</c> writes it.</summary>
                public {{ReadOnly}}override string ToString() => {{Text}}.Format(_bits, null, null);

                /// <summary>The value in a standard or custom numeric format; <c>X</c> and <c>B</c> write the {{Int(_layout.Bits)}}-bit code.</summary>
                /// <param name="format">The format string.</param>
                public {{ReadOnly}}string ToString(string? format) => {{Text}}.Format(_bits, format, null);

                /// <summary>The value in decimal with the culture's conventions.</summary>
                /// <param name="provider">Culture-specific formatting information.</param>
                public {{ReadOnly}}string ToString({{Provider}}? provider) => {{Text}}.Format(_bits, null, provider);

                /// <summary>The value in a standard or custom numeric format; <c>X</c> and <c>B</c> write the {{Int(_layout.Bits)}}-bit code.</summary>
                /// <param name="format">The format string.</param>
                /// <param name="formatProvider">Culture-specific formatting information.</param>
                public {{ReadOnly}}string ToString(string? format, {{Provider}}? formatProvider) => {{Text}}.Format(_bits, format, formatProvider);

                /// <summary>Formats the value into characters.</summary>
                /// <param name="destination">Where the characters go.</param>
                /// <param name="charsWritten">How many characters were written.</param>
                /// <param name="format">The format string.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <returns>Whether the text fit.</returns>
                public {{ReadOnly}}bool TryFormat(global::System.Span<char> destination, out int charsWritten, global::System.ReadOnlySpan<char> format = default, {{Provider}}? provider = null) => {{Text}}.TryFormat(_bits, destination, out charsWritten, format, provider);

                /// <summary>Formats the value into UTF-8 bytes.</summary>
                /// <param name="utf8Destination">Where the bytes go.</param>
                /// <param name="bytesWritten">How many bytes were written.</param>
                /// <param name="format">The format string.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <returns>Whether the text fit.</returns>
                public {{ReadOnly}}bool TryFormat(global::System.Span<byte> utf8Destination, out int bytesWritten, global::System.ReadOnlySpan<char> format = default, {{Provider}}? provider = null) => {{Text}}.TryFormat(_bits, utf8Destination, out bytesWritten, format, provider);
                """);

            const string ParseDoc = "/// <summary>Parses an integer as <c>sbyte.Parse</c> does: <c>FormatException</c> for text that is no integer, <c>OverflowException</c> for one out of range.</summary>";
            const string TryParseDoc = "/// <summary>Parses an integer as <c>sbyte.TryParse</c> does: false (and zero) for text that is no integer or is out of range.</summary>";
            Member($$"""
                {{ParseDoc}}
                /// <param name="s">The text.</param>
                public static {{Self}} Parse(string s) => FromCode({{Text}}.Parse(Required(s), {{Styles}}.Integer, null));

                {{ParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="style">The styles the text may use.</param>
                public static {{Self}} Parse(string s, {{Styles}} style) => FromCode({{Text}}.Parse(Required(s), style, null));

                {{ParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                public static {{Self}} Parse(string s, {{Provider}}? provider) => FromCode({{Text}}.Parse(Required(s), {{Styles}}.Integer, provider));

                {{ParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="style">The styles the text may use.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                public static {{Self}} Parse(string s, {{Styles}} style, {{Provider}}? provider) => FromCode({{Text}}.Parse(Required(s), style, provider));

                {{ParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                public static {{Self}} Parse(global::System.ReadOnlySpan<char> s, {{Provider}}? provider) => FromCode({{Text}}.Parse(s, {{Styles}}.Integer, provider));

                {{ParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="style">The styles the text may use.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                public static {{Self}} Parse(global::System.ReadOnlySpan<char> s, {{Styles}} style = {{Styles}}.Integer, {{Provider}}? provider = null) => FromCode({{Text}}.Parse(s, style, provider));

                {{ParseDoc}}
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                public static {{Self}} Parse(global::System.ReadOnlySpan<byte> utf8Text, {{Provider}}? provider) => FromCode({{Text}}.Parse(utf8Text, {{Styles}}.Integer, provider));

                {{ParseDoc}}
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="style">The styles the text may use.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                public static {{Self}} Parse(global::System.ReadOnlySpan<byte> utf8Text, {{Styles}} style = {{Styles}}.Integer, {{Provider}}? provider = null) => FromCode({{Text}}.Parse(utf8Text, style, provider));

                {{TryParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, out {{Self}} result) => TryParse(global::System.MemoryExtensions.AsSpan(s), {{Styles}}.Integer, null, out result) && s is not null;

                {{TryParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, {{Provider}}? provider, out {{Self}} result) => TryParse(global::System.MemoryExtensions.AsSpan(s), {{Styles}}.Integer, provider, out result) && s is not null;

                {{TryParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="style">The styles the text may use.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, {{Styles}} style, {{Provider}}? provider, out {{Self}} result) => TryParse(global::System.MemoryExtensions.AsSpan(s), style, provider, out result) && s is not null;

                {{TryParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse(global::System.ReadOnlySpan<char> s, out {{Self}} result) => TryParse(s, {{Styles}}.Integer, null, out result);

                {{TryParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse(global::System.ReadOnlySpan<char> s, {{Provider}}? provider, out {{Self}} result) => TryParse(s, {{Styles}}.Integer, provider, out result);

                {{TryParseDoc}}
                /// <param name="s">The text.</param>
                /// <param name="style">The styles the text may use.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse(global::System.ReadOnlySpan<char> s, {{Styles}} style, {{Provider}}? provider, out {{Self}} result) => {{Text}}.TryParse(s, style, provider, out result);

                {{TryParseDoc}}
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Text, out {{Self}} result) => TryParse(utf8Text, {{Styles}}.Integer, null, out result);

                {{TryParseDoc}}
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Text, {{Provider}}? provider, out {{Self}} result) => TryParse(utf8Text, {{Styles}}.Integer, provider, out result);

                {{TryParseDoc}}
                /// <param name="utf8Text">The UTF-8 text.</param>
                /// <param name="style">The styles the text may use.</param>
                /// <param name="provider">Culture-specific formatting information.</param>
                /// <param name="result">The value parsed.</param>
                public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Text, {{Styles}} style, {{Provider}}? provider, out {{Self}} result) => {{Text}}.TryParse(utf8Text, style, provider, out result);
                """);
            _w.Member("""
                private static string Required(string s) => s ?? throw new global::System.ArgumentNullException(nameof(s));
                """);
        }

        // ================================================================ generic math

        private void EmitGenericMath()
        {
            _w.Section("generic-math plumbing");
            string numberBase = $"{Numerics}.INumberBase<{Self}>";
            foreach (string kind in new[] { "Checked", "Saturating", "Truncating" })
            {
                string how = kind switch
                {
                    "Checked" => "integers in range, floating-point values truncated; <c>OverflowException</c> out of range or for NaN",
                    "Saturating" => "clamped to the range; floating-point values truncated, NaN gives 0",
                    _ => "integers keep their low bits (wrap); floating-point values truncate and saturate, NaN gives 0",
                };
                Member($$"""
                    /// <summary>Creates a value from any number: {{how}}. A conversion neither type knows throws <c>NotSupportedException</c>.</summary>
                    /// <typeparam name="TOther">The type of <paramref name="value"/>.</typeparam>
                    /// <param name="value">The number to convert.</param>
                    /// <returns>The value.</returns>
                    public static {{Self}} Create{{kind}}<TOther>(TOther value)
                        where TOther : {{numberBase.Replace(Self, "TOther")}}
                        => {{Codec}}.TryCreate{{kind}}(value, out {{Self}} result) || TOther.TryConvertTo{{kind}}(value, out result) ? result : {{Codec}}.ThrowNotSupported<{{Self}}, TOther>();
                    """);
                Member($"static bool {numberBase}.TryConvertFrom{kind}<TOther>(TOther value, out {Self} result) => {Codec}.TryCreate{kind}(value, out result);");
                Member($"static bool {numberBase}.TryConvertTo{kind}<TOther>({Self} value, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TOther result) => {Codec}.TryConvertTo{kind}(value._bits, out result);");
            }
        }

        // ================================================================ spans

        private void EmitSpans()
        {
            _w.Section("spans");
            string source = "global::System.ReadOnlySpan";
            string destination = "global::System.Span";
            foreach (var (type, kernel) in new[] { ("float", "Single"), ("double", "Double"), ("global::System.Half", "Half") })
            {
                string name = Short(type);
                Member($$"""
                    /// <summary>
                    /// Quantizes: rounds each <c>{{name}}</c> to the nearest integer in <paramref name="rounding"/> (ties to even by
                    /// default) and saturates at the range; NaN gives 0. (The explicit cast truncates instead.)
                    /// </summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as the source, else <c>ArgumentException</c>.</param>
                    /// <param name="rounding">The rounding direction.</param>
                    public static void ConvertFrom({{source}}<{{type}}> source, {{destination}}<{{Self}}> destination, {{Rounding}} rounding = {{Rounding}}.ToEven) => {{Spans}}.ConvertFrom{{kernel}}(source, destination, rounding);

                    /// <summary>Converts each value to <c>{{name}}</c> exactly.</summary>
                    /// <param name="source">The values to convert.</param>
                    /// <param name="destination">Where the results go; at least as long as the source, else <c>ArgumentException</c>.</param>
                    public static void ConvertTo({{source}}<{{Self}}> source, {{destination}}<{{type}}> destination) => {{Spans}}.ConvertTo{{kernel}}(source, destination);
                    """);
            }

            string layout = _layout.Bits switch
            {
                1 => "eight values per byte",
                2 => "four values per byte",
                4 => "two values per byte",
                3 => "eight values per three bytes",
                8 => "one value per byte",
                _ => Int(_layout.Bits) + " bits per value, an LSB-first bit stream",
            };
            Member($$"""
                /// <summary>The number of bytes <paramref name="count"/> packed values take ({{layout}}).</summary>
                /// <param name="count">Number of values.</param>
                public static int PackedLength(int count) => {{Spans}}.PackedLength(count);

                /// <summary>Packs values ({{layout}}), element 0 in the lowest bits of byte 0 (ONNX and OCP order).</summary>
                /// <param name="source">The values to pack.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                public static void Pack({{source}}<{{Self}}> source, {{destination}}<byte> destination) => {{Spans}}.Pack(source, destination);

                /// <summary>Unpacks <c>destination.Length</c> values that <c>Pack</c> wrote.</summary>
                /// <param name="source">The packed bytes; at least <c>PackedLength(destination.Length)</c> long, else <c>ArgumentException</c>.</param>
                /// <param name="destination">Where the values go.</param>
                public static void Unpack({{source}}<byte> source, {{destination}}<{{Self}}> destination) => {{Spans}}.Unpack(source, destination);

                /// <summary>Quantizes floats as <c>ConvertFrom</c> does, straight into packed storage ({{layout}}).</summary>
                /// <param name="source">The values to convert.</param>
                /// <param name="destination">Where the bytes go; at least <c>PackedLength(source.Length)</c> long, else <c>ArgumentException</c>.</param>
                /// <param name="rounding">The rounding direction.</param>
                public static void PackFrom({{source}}<float> source, {{destination}}<byte> destination, {{Rounding}} rounding = {{Rounding}}.ToEven) => {{Spans}}.PackFromSingle(source, destination, rounding);

                /// <summary>Converts <c>destination.Length</c> packed values to float.</summary>
                /// <param name="source">The packed bytes; at least <c>PackedLength(destination.Length)</c> long, else <c>ArgumentException</c>.</param>
                /// <param name="destination">Where the values go.</param>
                public static void UnpackTo({{source}}<byte> source, {{destination}}<float> destination) => {{Spans}}.UnpackToSingle(source, destination);
                """);
        }
    }
}

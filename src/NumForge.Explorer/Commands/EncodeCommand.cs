using System;
using System.CommandLine;
using System.IO;
using NumForge.Explorer.Numerics;
using NumForge.Explorer.Rendering;

namespace NumForge.Explorer.Commands
{
    /// <summary>
    /// <c>numforge encode &lt;name&gt; &lt;value&gt; [--rounding MODE] [--saturate]</c>: the code a value rounds to, its
    /// bits by field, the value it decodes to and the rounding error.
    /// </summary>
    internal static class EncodeCommand
    {
        public static Command Create()
        {
            var name = new Argument<string>("name") { Description = "A catalog format name or alias, e.g. Float8E4M3FN, e4m3fn, bf16, Posit16, p8e0." };
            var value = new Argument<string>("value") { Description = "The value, invariant culture: 3.3, -0.5, 1e-3, nan, inf, -inf. Put -- before a negative value if it is read as an option." };
            Option<MidpointRounding> rounding = RoundingOption.Create();
            var saturate = new Option<bool>("--saturate", "-s") { Description = "A finite value past the largest finite value gives ±max instead of the format's overflow value (posits always saturate)." };

            var command = new Command("encode", "Round a value to a format and show the code, its fields, its value and the rounding error.")
            {
                name,
                value,
                rounding,
                saturate,
            };
            command.SetAction(parseResult =>
            {
                FormatInfo format = FormatResolver.Resolve(parseResult.GetRequiredValue(name));
                DecimalInput input = DecimalInput.Parse(parseResult.GetRequiredValue(value));
                Write(parseResult.InvocationConfiguration.Output, format, input, parseResult.GetValue(rounding), parseResult.GetValue(saturate));
                return 0;
            });
            return command;
        }

        public static void Write(TextWriter output, FormatInfo format, DecimalInput input, MidpointRounding rounding, bool saturate)
        {
            if (format.Kind == FormatKind.Posit)
            {
                WritePosit(output, format, input, rounding, saturate);
                return;
            }

            if (format.Kind == FormatKind.Integer)
            {
                IntegerViews.Encode(output, format, input, rounding);
                return;
            }

            BitLayout bits = BitLayout.For(format);
            ulong code = ExactEncoder.Encode(format, input, rounding, saturate);
            double decoded = format.Decode(code);
            string shortest = format.FormatValue(code);
            string exact = FormatText.Exact(decoded);

            output.WriteLine($"{format.Name} ({format.Summary}), rounding {rounding}{(saturate ? ", saturating" : "")}");
            var lines = new KeyValueWriter()
                .Add("input", input.Text)
                .Add("code", FormatText.Hex(code, format.Bits))
                .Add("binary", $"{bits.Grouped(code)}   ({bits.FieldNamesOf(code)})")
                .Add("value", ShowShortest(exact, shortest) ? $"{exact} (shortest: {shortest})" : exact)
                .Add("error", Error(input, decoded));
            if (Note(format, input, rounding, saturate, decoded) is string note)
            {
                lines.Add("note", note);
            }

            lines.Write(output);
        }

        /// <summary>
        /// Posits round one way (to nearest, ties to even on the bit string) and always saturate: NaN and ±infinity give
        /// NaR, |x| past maxpos gives ±maxpos and a nonzero |x| below minpos gives ±minpos.
        /// </summary>
        private static void WritePosit(TextWriter output, FormatInfo format, DecimalInput input, MidpointRounding rounding, bool saturate)
        {
            if (rounding != MidpointRounding.ToEven)
            {
                throw new ExplorerException($"{format.Name} is a posit, and posits have one rounding: to nearest, ties to even (ToEven). --rounding {rounding} is not available; leave --rounding out or use ToEven.");
            }

            BitLayout bits = BitLayout.For(format);
            ulong code = ExactEncoder.Encode(format, input, rounding, saturate: true);
            PositFields fields = PositFields.Of(format, code);
            double decoded = format.Decode(code);

            output.WriteLine($"{format.Name} ({format.Summary}), rounding ToEven (the only posit rounding)");
            var lines = new KeyValueWriter()
                .Add("input", input.Text)
                .Add("code", FormatText.Hex(code, format.Bits))
                .Add("binary", $"{bits.Grouped(code)}   ({bits.FieldNamesOf(code)})");
            if (fields.IsNaR)
            {
                lines.Add("value", "NaR (Not a Real)")
                    .Add("error", "n/a (NaR)");
            }
            else
            {
                string exact = FormatText.Exact(decoded);
                string shortest = format.FormatValue(code);
                lines.Add("value", ShowShortest(exact, shortest) ? $"{exact} (shortest: {shortest})" : exact)
                    .Add("error", input.Exact is Rational x ? PositError(fields.Value, x) : Error(input, decoded));
            }

            var notes = new System.Collections.Generic.List<string>();
            bool finiteInput = input.Exact is not null || input.IsBeyondDoubleRange;
            if (!finiteInput)
            {
                notes.Add($"{(double.IsNaN(input.Approximate) ? "NaN" : input.Text)} converts to NaR, the posits' one exception value (there is no NaN or infinity)");
            }
            else if (!fields.IsZero && (input.IsBeyondDoubleRange || Math.Abs(input.Approximate) >= format.MaxValue) && Math.Abs(decoded) == format.MaxValue
                && !(input.Exact is Rational exactMax && exactMax.CompareTo(Rational.FromDouble(decoded)) == 0))
            {
                notes.Add($"saturated: posits never overflow; a value past maxpos gives ±maxpos ({FormatText.Exact(format.MaxValue)})");
            }
            else if (Math.Abs(decoded) == format.Epsilon && input.Exact is Rational small && small.CompareTo(Rational.FromDouble(decoded)) != 0
                && Math.Abs(small.ToDouble()) < format.Epsilon)
            {
                notes.Add($"posits never underflow to 0: a nonzero value below minpos gives ±minpos ({FormatText.Exact(format.Epsilon)})");
            }

            if (saturate)
            {
                notes.Add("--saturate changes nothing for posits: they always saturate");
            }

            if (notes.Count > 0)
            {
                lines.Add("note", string.Join("; ", notes));
            }

            lines.Write(output);
        }

        private static string PositError(Rational value, Rational x)
        {
            Rational difference = value - x;
            if (difference.IsZero)
            {
                return "exact";
            }

            string relative = x.IsZero ? "n/a" : (difference / x).ToString();
            return $"{difference} (relative {relative})";
        }

        /// <summary>Whether the format's shortest round-trip text says more than the exact value (3.3 for BFloat16's 3.296875).</summary>
        internal static bool ShowShortest(string exact, string shortest)
            => shortest != exact && shortest.Length < exact.Length && (exact.Contains('E', StringComparison.Ordinal) || !shortest.Contains('E', StringComparison.Ordinal));

        private static string Error(DecimalInput input, double decoded)
        {
            if (double.IsNaN(decoded))
            {
                return double.IsNaN(input.Approximate) ? "none (NaN stays NaN)" : "n/a (the result is NaN)";
            }

            if (input.Exact is not Rational x)
            {
                if (double.IsNaN(input.Approximate))
                {
                    return "n/a (NaN input)";
                }

                if (input.IsBeyondDoubleRange)
                {
                    return double.IsInfinity(decoded) ? "infinite (overflow)" : "n/a (the input is beyond double's range)";
                }

                return decoded == input.Approximate ? "exact" : "n/a (infinite input)";
            }

            if (double.IsInfinity(decoded))
            {
                return "infinite (overflow)";
            }

            Rational difference = Rational.FromDouble(decoded) - x;
            if (difference.IsZero)
            {
                return "exact";
            }

            string relative = x.IsZero ? "n/a" : (difference / x).ToString();
            return $"{difference} (relative {relative})";
        }

        private static string? Note(FormatInfo format, DecimalInput input, MidpointRounding rounding, bool saturate, double decoded)
        {
            double value = input.Approximate;
            bool finiteInput = input.Exact is not null || input.IsBeyondDoubleRange;
            if (!finiteInput)
            {
                return double.IsInfinity(value) && !double.IsInfinity(decoded)
                    ? $"{format.Name} has no infinity; {input.Text} converts to {FormatText.Exact(decoded)}"
                    : null;
            }

            bool pastMax = input.IsBeyondDoubleRange || Math.Abs(value) > format.MaxValue;
            string max = FormatText.Exact(format.MaxValue);
            if (pastMax && !double.IsFinite(decoded))
            {
                string what = double.IsNaN(decoded) ? $"NaN, as {format.Name} has no infinity" : FormatText.Exact(decoded);
                return $"overflow: rounds past the largest finite value {max}, which gives {what}; --saturate gives ±{max}";
            }

            if (saturate && pastMax && !double.IsFinite(format.Decode(ExactEncoder.Encode(format, input, rounding, saturate: false))))
            {
                return $"saturated to ±{max} (without --saturate: overflow)";
            }

            if (double.IsNaN(decoded))
            {
                return $"{format.Name} cannot represent this value; it converts to NaN";
            }

            if (value != 0 && decoded == 0)
            {
                return "underflow: rounds to zero" + (input.IsNegative && !double.IsNegative(decoded) ? $" ({format.Name} has no -0)" : "");
            }

            return null;
        }
    }
}

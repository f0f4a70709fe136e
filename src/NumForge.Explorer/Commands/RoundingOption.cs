using System;
using System.CommandLine;
using System.Linq;

namespace NumForge.Explorer.Commands
{
    /// <summary>The <c>--rounding</c> option: a <see cref="MidpointRounding"/> name, in any case.</summary>
    internal static class RoundingOption
    {
        public static Option<MidpointRounding> Create()
        {
            string[] names = Enum.GetNames<MidpointRounding>();
            var option = new Option<MidpointRounding>("--rounding", "-r")
            {
                Description = "Rounding direction: ToEven (nearest, ties to even; the default), AwayFromZero (nearest, ties away), ToZero, ToNegativeInfinity, ToPositiveInfinity. Posits have only ToEven.",
                HelpName = string.Join("|", names),
                DefaultValueFactory = _ => MidpointRounding.ToEven,
                CustomParser = result =>
                {
                    string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                    string? match = names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                    {
                        result.AddError($"'{text}' is not a rounding mode. Use one of: {string.Join(", ", names)}.");
                        return MidpointRounding.ToEven;
                    }

                    return Enum.Parse<MidpointRounding>(match);
                },
            };
            option.CompletionSources.Add(names);
            return option;
        }
    }
}

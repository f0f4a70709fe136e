using Microsoft.CodeAnalysis;
using NumForge.Generators.Families;

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// The NumForge generator: one incremental generator for every format family. Each registered family
    /// (<see cref="FormatFamilies.All"/>) adds the same pipeline (<see cref="FormatPipeline"/>) over its attribute.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NumForgeGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            foreach (var family in FormatFamilies.All)
            {
                family.Register(context);
            }
        }
    }
}

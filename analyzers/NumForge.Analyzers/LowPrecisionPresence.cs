using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NumForge.Analyzers
{
    /// <summary>
    /// Whether a compilation can hold low-precision values at all, decided once per compilation before an analyzer
    /// registers anything (each of the three analyzers asks; the source scan is shared), so a project that never touches Half or a NumForge format pays nothing but this check.
    /// A compilation is analyzed when any of its source files names <c>Half</c>, <c>NumForge</c> or a format attribute
    /// (<c>FloatFormat</c>, <c>PositFormat</c>, <c>IntFormat</c>), when its options list extra low-precision types, or
    /// when it references NumForge, an assembly built on NumForge, or another project's compilation. The source scan
    /// is a plain ordinal text search, cached per syntax tree (trees outlive compilations in an IDE).
    /// </summary>
    /// <remarks>
    /// What is missed: a compilation whose source names none of these and still receives low-precision values, which
    /// takes a referenced library that is not built on NumForge returning <c>System.Half</c> through members without
    /// "Half" in their names, consumed through <c>var</c> only. BCL members that produce Half name it
    /// (<c>BitConverter.UInt16BitsToHalf</c>, <c>BinaryPrimitives.ReadHalfLittleEndian</c>, <c>ConvertToHalf</c>).
    /// </remarks>
    internal static class LowPrecisionPresence
    {
        private static readonly string[] Words = { "Half", "NumForge", "FloatFormat", "PositFormat", "IntFormat" };
        private static readonly object Mentions = new object();
        private static readonly object Silent = new object();
        private static readonly ConditionalWeakTable<SyntaxTree, object> TreeCache = new ConditionalWeakTable<SyntaxTree, object>();
        private static readonly ConditionalWeakTable<SyntaxTree, object>.CreateValueCallback ScanTree = tree => Scan(tree) ? Mentions : Silent;

        /// <summary>Whether the analyzers must look at <paramref name="compilation"/>.</summary>
        public static bool IsPossible(Compilation compilation, AnalyzerConfigOptionsProvider options)
        {
            if (ListsTypes(options.GlobalOptions))
            {
                return true;
            }

            // The source first: in a project that uses NumForge it answers at once, without touching the references.
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (TreeCache.GetValue(tree, ScanTree) == Mentions || ListsTypes(options.GetOptions(tree)))
                {
                    return true;
                }
            }

            foreach (MetadataReference reference in compilation.References)
            {
                if (reference is CompilationReference)
                {
                    return true;
                }
            }

            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (IsNumForge(assembly.Identity) || BuiltOnNumForge(assembly))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool BuiltOnNumForge(IAssemblySymbol assembly)
        {
            foreach (IModuleSymbol module in assembly.Modules)
            {
                foreach (AssemblyIdentity referenced in module.ReferencedAssemblies)
                {
                    if (IsNumForge(referenced))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsNumForge(AssemblyIdentity identity) =>
            identity.Name == "NumForge" || identity.Name.StartsWith("NumForge.", StringComparison.Ordinal);

        private static bool ListsTypes(AnalyzerConfigOptions options) =>
            options.TryGetValue(NumForgeOptions.LowPrecisionTypesKey, out string? types) && !string.IsNullOrWhiteSpace(types);

        private static bool Scan(SyntaxTree tree)
        {
            SourceText text = tree.GetText();
            string source = text.ToString();
            foreach (string word in Words)
            {
                if (source.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

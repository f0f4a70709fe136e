namespace NumForge.Generators.Model
{
    /// <summary>
    /// The user's partial struct, as plain data: where it lives, how it is declared, and which member names it
    /// already has (so the generated part can leave those out instead of colliding with them).
    /// </summary>
    /// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
    /// <param name="Name">The struct's name.</param>
    /// <param name="Accessibility">The declared accessibility keyword(s), e.g. "public" or "internal".</param>
    /// <param name="IsReadOnly">Whether the user's declaration is readonly.</param>
    /// <param name="ContainingTypes">Declarations of enclosing partial types, outermost first, e.g. "partial class Outer".</param>
    /// <param name="UserMemberNames">Names of members the user declared (methods, properties, fields, operators by metadata name), sorted.</param>
    /// <param name="UserInterfaces">Fully qualified interfaces the user already implements, sorted.</param>
    internal sealed record TargetType(
        string? Namespace,
        string Name,
        string Accessibility,
        bool IsReadOnly,
        EquatableArray<string> ContainingTypes,
        EquatableArray<string> UserMemberNames,
        EquatableArray<string> UserInterfaces)
    {
        /// <summary>Namespace-qualified name with containing types, for file names and docs, e.g. "My.Outer.Float8".</summary>
        public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Join("", System.Linq.Enumerable.Select(ContainingTypes, c => c.Substring(c.LastIndexOf(' ') + 1) + ".")) + Name;
    }
}

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// The user's partial struct, as plain data: where it lives, how it is declared, and which members it already
    /// declares (so the generated part can leave those out instead of colliding with them).
    /// </summary>
    /// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
    /// <param name="Name">The struct's name.</param>
    /// <param name="Accessibility">The declared accessibility keyword(s), e.g. "public" or "internal".</param>
    /// <param name="IsReadOnly">Whether the user's declaration is readonly.</param>
    /// <param name="ContainingTypes">Declarations of enclosing partial types, outermost first, e.g. "partial class Outer".</param>
    /// <param name="UserMembers">
    /// Keys of the members the user declared, sorted: each method, operator and conversion by its signature, and every
    /// other member by its name (see <see cref="MemberKey"/>), e.g. <c>M:ToString()</c>, <c>M:op_Explicit(System.Single)->My.F8</c>, <c>P:MaxValue</c>.
    /// </param>
    /// <param name="UserInterfaces">Fully qualified interfaces the user already implements, sorted.</param>
    internal sealed record TargetType(
        string? Namespace,
        string Name,
        string Accessibility,
        bool IsReadOnly,
        EquatableArray<string> ContainingTypes,
        EquatableArray<string> UserMembers,
        EquatableArray<string> UserInterfaces)
    {
        /// <summary>Namespace-qualified name with containing types, for file names and docs, e.g. "My.Outer.Float8".</summary>
        public string FullName => (Namespace is null ? "" : Namespace + ".") + string.Join("", System.Linq.Enumerable.Select(ContainingTypes, c => c.Substring(c.LastIndexOf(' ') + 1) + ".")) + Name;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using NumForge.Generators.Pipeline;

namespace NumForge.Generators.Emit
{
    /// <summary>
    /// The one member filter: a member the user declared wins over the generated one, which is left out.
    /// </summary>
    /// <remarks>
    /// <para><see cref="TargetType.UserMembers"/> holds a key per member the user declared (<see cref="MemberKey"/>). The
    /// emitter's text is parsed and each declaration keyed the same way, so what is checked is what is written:</para>
    /// <list type="bullet">
    /// <item>methods and operators by signature: declaring <c>ToString()</c> leaves out only the generated <c>ToString()</c>;</item>
    /// <item>conversions by source and target type, implicit or explicit alike (C# allows one of them); a generated checked
    /// conversion is left out when the user declared it, or an implicit conversion between the same types;</item>
    /// <item>properties (and anything else that cannot overload) by name; a generated method is also left out when the user
    /// declared a property, field, event or nested type of its name;</item>
    /// <item>explicit interface implementations by the interface member's simple name and signature.</item>
    /// </list>
    /// <para>The plumbing (each family's <see cref="FormatFamily.ReservedMemberNames"/>) is always written: the pipeline
    /// reports NF0004 for a user member with one of those names instead.</para>
    /// </remarks>
    internal sealed class MemberFilter
    {
        private readonly HashSet<string> _userMembers;
        private readonly HashSet<string> _userNames;
        private readonly HashSet<string> _userNonMethodNames;
        private readonly HashSet<string> _userInterfaces;

        public MemberFilter(TargetType target)
        {
            _userMembers = new HashSet<string>(target.UserMembers, StringComparer.Ordinal);
            _userNames = new HashSet<string>(target.UserMembers.Select(MemberKey.NameOf), StringComparer.Ordinal);
            _userNonMethodNames = new HashSet<string>(target.UserMembers.Where(k => !MemberKey.IsMethod(k)).Select(MemberKey.NameOf), StringComparer.Ordinal);
            _userInterfaces = new HashSet<string>(target.UserInterfaces.Select(WithoutGlobal), StringComparer.Ordinal);
        }

        /// <summary>Whether the user declared a member (of any kind) with this name.</summary>
        public bool DeclaresName(string name) => _userNames.Contains(name);

        /// <summary>Whether the user's declaration already lists this interface (<c>global::</c> or not).</summary>
        public bool ImplementsInterface(string name) => _userInterfaces.Contains(WithoutGlobal(name));

        /// <summary>
        /// Writes one or more member declarations (each with its doc comment), leaving out each one the user already declared.
        /// </summary>
        public void Write(CodeWriter writer, string text)
        {
            if (_userNames.Count == 0)
            {
                // Nothing of the user's can collide (the catalog's case): no need to parse what is written.
                writer.Member(text);
                return;
            }

            var members = MemberKey.ParseMembers(text);
            if (members.All(member => !UserDeclared(member.Keys)))
            {
                writer.Member(text);
                return;
            }

            foreach (var (memberText, keys) in members)
            {
                if (!UserDeclared(keys))
                {
                    writer.Member(memberText);
                }
            }
        }

        /// <summary>Whether the user declared a member that a generated member with these keys would collide with.</summary>
        public bool UserDeclared(IReadOnlyList<string> keys)
        {
            foreach (string key in keys)
            {
                string name = MemberKey.NameOf(key);
                if (MemberKey.IsMethod(key) ? _userNonMethodNames.Contains(name) || MemberKey.CollidingKeys(key).Any(_userMembers.Contains) : _userNames.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string WithoutGlobal(string name) => name.Replace("global::", "");
    }
}

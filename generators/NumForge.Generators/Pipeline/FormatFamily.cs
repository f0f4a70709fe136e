using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NumForge.CompilerServices;

namespace NumForge.Generators.Pipeline
{
    /// <summary>
    /// A format family as the pipeline sees it: its attribute, the members its generated part always needs, its spec
    /// diagnostics, how to read a spec and how to write a type. A family is a folder under <c>Families/</c> with one
    /// subclass of <see cref="FormatFamily{TModel}"/>, registered in <c>Families/FormatFamilies.cs</c>.
    /// </summary>
    internal abstract class FormatFamily
    {
        /// <summary>A family of <paramref name="attributeMetadataName"/> whose spec problems are <paramref name="descriptors"/>.</summary>
        protected FormatFamily(string attributeMetadataName, IReadOnlyList<DiagnosticDescriptor> descriptors)
        {
            AttributeMetadataName = attributeMetadataName;
            Descriptors = descriptors;
        }

        /// <summary>Metadata name of the family's attribute, e.g. <c>NumForge.FloatFormatAttribute</c>.</summary>
        public string AttributeMetadataName { get; }

        /// <summary>The attribute as written in C#, e.g. <c>FloatFormat</c>.</summary>
        public string AttributeShortName => TargetReader.ShortName(AttributeMetadataName);

        /// <summary>
        /// Names of the plumbing the generated part always writes (every other member depends on it): a user member with
        /// one of these names gets NF0004 (and nothing generated) rather than a duplicate definition.
        /// </summary>
        public virtual IReadOnlyList<string> ReservedMemberNames => Plumbing;

        /// <summary>The members <c>FormatSource</c> always writes: the field, the code doors and the traits.</summary>
        private static readonly string[] Plumbing = { "_bits", "Code", "FromCode", "Traits" };

        /// <summary>The family's spec diagnostics (the shared target diagnostics are not listed here).</summary>
        public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

        /// <summary>Adds the family's steps to the one pipeline.</summary>
        public abstract void Register(IncrementalGeneratorInitializationContext context);
    }

    /// <summary>A format family whose valid specs become <typeparamref name="TModel"/>s.</summary>
    /// <typeparam name="TModel">The family's equatable model.</typeparam>
    internal abstract class FormatFamily<TModel> : FormatFamily
        where TModel : class, IFormatModel, IEquatable<TModel>
    {
        /// <inheritdoc/>
        protected FormatFamily(string attributeMetadataName, IReadOnlyList<DiagnosticDescriptor> descriptors)
            : base(attributeMetadataName, descriptors)
        {
        }

        /// <summary>
        /// Reads the attribute's arguments and checks the spec. Returns null when an argument is missing or in error (the
        /// compiler reports those); else the spec's problems, and the model for <paramref name="target"/> when there are
        /// none and the target is valid (not null).
        /// </summary>
        public abstract Result<TModel>? ReadSpec(AttributeData attribute, AttributeSyntax? syntax, TargetType? target, LocationInfo? location);

        /// <summary>The generated source for one valid model.</summary>
        public abstract string Emit(TModel model);

        /// <summary>
        /// What a spec the linked spec math checked gives: its <paramref name="problems"/> as this family's diagnostics;
        /// else nothing for an invalid target (null), or the model <paramref name="createModel"/> makes for it.
        /// </summary>
        protected Result<TModel> FromCheckedSpec(IReadOnlyList<SpecProblem> problems, TargetType? target, LocationInfo? location, Func<TargetType, TModel> createModel)
        {
            if (problems.Count > 0)
            {
                var diagnostics = new DiagnosticInfo[problems.Count];
                for (int i = 0; i < diagnostics.Length; i++)
                {
                    diagnostics[i] = DiagnosticDescriptors.ForSpecProblem(Descriptors, problems[i], location);
                }

                return Result<TModel>.Invalid(diagnostics);
            }

            return target is null ? Result<TModel>.Nothing : Result<TModel>.Valid(createModel(target));
        }

        /// <inheritdoc/>
        public sealed override void Register(IncrementalGeneratorInitializationContext context) => FormatPipeline.Register(context, this);
    }
}

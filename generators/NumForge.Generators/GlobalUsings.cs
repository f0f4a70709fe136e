// The Roslyn namespaces and the pipeline's own types, which every family folder uses.
global using Microsoft.CodeAnalysis;
global using Microsoft.CodeAnalysis.CSharp.Syntax;
global using NumForge.Generators.Pipeline;

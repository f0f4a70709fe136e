using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace NumForge.Generators.Tests.Infrastructure
{
    /// <summary>
    /// A compiled test assembly loaded into a collectible context; NumForge itself resolves from the default context
    /// (the test project references it), so the generated code runs against the real runtime.
    /// </summary>
    internal sealed class LoadedAssembly : IDisposable
    {
        private readonly Context _context = new();

        public LoadedAssembly(byte[] image)
        {
            using var stream = new MemoryStream(image);
            Assembly = _context.LoadFromStream(stream);
        }

        public Assembly Assembly { get; }

        public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

        /// <summary>Calls a public static method by name and parameter types.</summary>
        public static object? CallStatic(Type type, string name, params object[] args)
        {
            var types = args.Select(a => a.GetType()).ToArray();
            var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, types)
                ?? throw new MissingMethodException(type.FullName, name);
            return method.Invoke(null, args);
        }

        /// <summary>Applies a user-defined conversion operator (op_Explicit or op_Implicit) from <paramref name="value"/> to <paramref name="to"/>.</summary>
        public static object Convert(object value, Type to)
        {
            var from = value.GetType();
            foreach (var candidate in new[] { from, to }.Distinct())
            {
                foreach (var method in candidate.GetMethods(BindingFlags.Public | BindingFlags.Static))
                {
                    if ((method.Name == "op_Explicit" || method.Name == "op_Implicit")
                        && method.ReturnType == to
                        && method.GetParameters() is { Length: 1 } p
                        && p[0].ParameterType == from)
                    {
                        return method.Invoke(null, new[] { value })!;
                    }
                }
            }

            throw new MissingMethodException($"No conversion from {from} to {to}.");
        }

        public void Dispose() => _context.Unload();

        private sealed class Context : AssemblyLoadContext
        {
            public Context()
                : base("NumForgeGeneratorTest", isCollectible: true)
            {
            }

            protected override Assembly? Load(AssemblyName assemblyName) => null;
        }
    }
}

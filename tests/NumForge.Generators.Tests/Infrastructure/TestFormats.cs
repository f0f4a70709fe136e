namespace NumForge.Generators.Tests.Infrastructure
{
    /// <summary>Representative specs used by the golden, determinism and compile-and-run tests.</summary>
    internal static class TestFormats
    {
        /// <summary>A named test case: its source, the generated file's hint name and the type's full name.</summary>
        internal sealed record Case(string Name, string HintName, string TypeName, string Source);

        public static readonly Case Float8E4M3FN = new("Float8E4M3FN", "Golden.Float8E4M3FN.g.cs", "Golden.Float8E4M3FN", """
            using NumForge;

            namespace Golden
            {
                /// <summary>OCP FP8 E4M3.</summary>
                [FloatFormat(4, 3, Specials = SpecialValues.FiniteNaN)]
                public readonly partial struct Float8E4M3FN { }
            }
            """);

        public static readonly Case Float8E5M2 = new("Float8E5M2", "Golden.Float8E5M2.g.cs", "Golden.Float8E5M2", """
            using NumForge;

            namespace Golden
            {
                /// <summary>OCP FP8 E5M2.</summary>
                [FloatFormat(5, 2, Specials = SpecialValues.Ieee)]
                public readonly partial struct Float8E5M2 { }
            }
            """);

        public static readonly Case Float8E8M0FNU = new("Float8E8M0FNU", "Golden.Float8E8M0FNU.g.cs", "Golden.Float8E8M0FNU", """
            using NumForge;

            namespace Golden
            {
                /// <summary>OCP MX scale: unsigned, no subnormals, no zero.</summary>
                [FloatFormat(8, 0, Signed = false, Subnormals = false, Specials = SpecialValues.FiniteNaN)]
                public readonly partial struct Float8E8M0FNU { }
            }
            """);

        public static readonly Case Float4E2M1FN = new("Float4E2M1FN", "Golden.Float4E2M1FN.g.cs", "Golden.Float4E2M1FN", """
            using NumForge;

            namespace Golden
            {
                /// <summary>OCP FP4: every encoding finite.</summary>
                [FloatFormat(2, 1, Specials = SpecialValues.Finite)]
                public readonly partial struct Float4E2M1FN { }
            }
            """);

        public static readonly Case Binary16 = new("Binary16", "My.Numbers.Binary16.g.cs", "My.Numbers.Binary16", """
            namespace My.Numbers;

            /// <summary>IEEE binary16, which must agree with System.Half.</summary>
            [NumForge.FloatFormat(5, 10)]
            public readonly partial struct Binary16 { }
            """);

        public static readonly Case Nested = new("Nested", "Golden.Formats.Float6E3M2FN.g.cs", "Golden.Formats+Float6E3M2FN", """
            using NumForge;

            namespace Golden
            {
                /// <summary>Holds a format.</summary>
                public static partial class Formats
                {
                    /// <summary>OCP FP6 E3M2, nested.</summary>
                    [FloatFormat(3, 2, Specials = SpecialValues.Finite)]
                    public partial struct Float6E3M2FN { }
                }
            }
            """);

        public static readonly Case Int4 = new("Int4", "Golden.Int4.g.cs", "Golden.Int4", """
            using NumForge;

            namespace Golden
            {
                /// <summary>A signed 4-bit integer (ONNX INT4).</summary>
                [IntFormat(4)]
                public readonly partial struct Int4 { }
            }
            """);

        public static readonly Case[] Golden = { Float8E4M3FN, Float8E5M2, Float8E8M0FNU, Float4E2M1FN, Binary16, Nested, Int4 };
    }
}

using NumForge.CompilerServices.Integers;

namespace NumForge.Tests.Integers
{
    // Hand-written traits for every width and signedness, so IntCodec is tested over all 16 formats directly.

    /// <summary>Signed 1-bit.</summary>
    public readonly struct S1 : IIntTraits
    {
        public static int Bits => 1;

        public static bool Signed => true;

        public static int MinValue => -1;

        public static int MaxValue => 0;

        public static byte CodeMask => 1;
    }

    /// <summary>Unsigned 1-bit.</summary>
    public readonly struct U1 : IIntTraits
    {
        public static int Bits => 1;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 1;

        public static byte CodeMask => 1;
    }

    /// <summary>Signed 2-bit.</summary>
    public readonly struct S2 : IIntTraits
    {
        public static int Bits => 2;

        public static bool Signed => true;

        public static int MinValue => -2;

        public static int MaxValue => 1;

        public static byte CodeMask => 3;
    }

    /// <summary>Unsigned 2-bit.</summary>
    public readonly struct U2 : IIntTraits
    {
        public static int Bits => 2;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 3;

        public static byte CodeMask => 3;
    }

    /// <summary>Signed 3-bit.</summary>
    public readonly struct S3 : IIntTraits
    {
        public static int Bits => 3;

        public static bool Signed => true;

        public static int MinValue => -4;

        public static int MaxValue => 3;

        public static byte CodeMask => 7;
    }

    /// <summary>Unsigned 3-bit.</summary>
    public readonly struct U3 : IIntTraits
    {
        public static int Bits => 3;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 7;

        public static byte CodeMask => 7;
    }

    /// <summary>Signed 4-bit.</summary>
    public readonly struct S4 : IIntTraits
    {
        public static int Bits => 4;

        public static bool Signed => true;

        public static int MinValue => -8;

        public static int MaxValue => 7;

        public static byte CodeMask => 15;
    }

    /// <summary>Unsigned 4-bit.</summary>
    public readonly struct U4 : IIntTraits
    {
        public static int Bits => 4;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 15;

        public static byte CodeMask => 15;
    }

    /// <summary>Signed 5-bit.</summary>
    public readonly struct S5 : IIntTraits
    {
        public static int Bits => 5;

        public static bool Signed => true;

        public static int MinValue => -16;

        public static int MaxValue => 15;

        public static byte CodeMask => 31;
    }

    /// <summary>Unsigned 5-bit.</summary>
    public readonly struct U5 : IIntTraits
    {
        public static int Bits => 5;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 31;

        public static byte CodeMask => 31;
    }

    /// <summary>Signed 6-bit.</summary>
    public readonly struct S6 : IIntTraits
    {
        public static int Bits => 6;

        public static bool Signed => true;

        public static int MinValue => -32;

        public static int MaxValue => 31;

        public static byte CodeMask => 63;
    }

    /// <summary>Unsigned 6-bit.</summary>
    public readonly struct U6 : IIntTraits
    {
        public static int Bits => 6;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 63;

        public static byte CodeMask => 63;
    }

    /// <summary>Signed 7-bit.</summary>
    public readonly struct S7 : IIntTraits
    {
        public static int Bits => 7;

        public static bool Signed => true;

        public static int MinValue => -64;

        public static int MaxValue => 63;

        public static byte CodeMask => 127;
    }

    /// <summary>Unsigned 7-bit.</summary>
    public readonly struct U7 : IIntTraits
    {
        public static int Bits => 7;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 127;

        public static byte CodeMask => 127;
    }

    /// <summary>Signed 8-bit.</summary>
    public readonly struct S8 : IIntTraits
    {
        public static int Bits => 8;

        public static bool Signed => true;

        public static int MinValue => -128;

        public static int MaxValue => 127;

        public static byte CodeMask => 255;
    }

    /// <summary>Unsigned 8-bit.</summary>
    public readonly struct U8 : IIntTraits
    {
        public static int Bits => 8;

        public static bool Signed => false;

        public static int MinValue => 0;

        public static int MaxValue => 255;

        public static byte CodeMask => 255;
    }
}

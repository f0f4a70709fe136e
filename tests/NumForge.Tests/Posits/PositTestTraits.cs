using NumForge.CompilerServices;

// Hand-written traits for the formats the posit kernels are tested with; PositLayoutTests checks them against PositLayout.
namespace NumForge.Tests.Posits
{
    public readonly struct P8E0 : IPositTraits
    {
        public static int Bits => 8; public static int ExponentBits => 0; public static ulong CodeMask => 0xFF; public static ulong NaRCode => 0x80; public static ulong MaxPosCode => 0x7F;
        public static int MaxScale => 6; public static int MaxFractionBits => 5; public static int QuireBits => 32; public static int QuireLimbs => 1;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => true;
    }

    public readonly struct P8E2 : IPositTraits
    {
        public static int Bits => 8; public static int ExponentBits => 2; public static ulong CodeMask => 0xFF; public static ulong NaRCode => 0x80; public static ulong MaxPosCode => 0x7F;
        public static int MaxScale => 24; public static int MaxFractionBits => 3; public static int QuireBits => 128; public static int QuireLimbs => 2;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P16E1 : IPositTraits
    {
        public static int Bits => 16; public static int ExponentBits => 1; public static ulong CodeMask => 0xFFFF; public static ulong NaRCode => 0x8000; public static ulong MaxPosCode => 0x7FFF;
        public static int MaxScale => 28; public static int MaxFractionBits => 12; public static int QuireBits => 128; public static int QuireLimbs => 2;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P16E2 : IPositTraits
    {
        public static int Bits => 16; public static int ExponentBits => 2; public static ulong CodeMask => 0xFFFF; public static ulong NaRCode => 0x8000; public static ulong MaxPosCode => 0x7FFF;
        public static int MaxScale => 56; public static int MaxFractionBits => 11; public static int QuireBits => 256; public static int QuireLimbs => 4;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P32E2 : IPositTraits
    {
        public static int Bits => 32; public static int ExponentBits => 2; public static ulong CodeMask => 0xFFFF_FFFF; public static ulong NaRCode => 0x8000_0000; public static ulong MaxPosCode => 0x7FFF_FFFF;
        public static int MaxScale => 120; public static int MaxFractionBits => 27; public static int QuireBits => 512; public static int QuireLimbs => 8;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => false; public static bool IsExactInHalf => false;
    }

    public readonly struct P64E2 : IPositTraits
    {
        public static int Bits => 64; public static int ExponentBits => 2; public static ulong CodeMask => ulong.MaxValue; public static ulong NaRCode => 1UL << 63; public static ulong MaxPosCode => (1UL << 63) - 1;
        public static int MaxScale => 248; public static int MaxFractionBits => 59; public static int QuireBits => 1024; public static int QuireLimbs => 16;
        public static bool IsExactInDouble => false; public static bool IsExactInSingle => false; public static bool IsExactInHalf => false;
    }

    // Unusual shapes, to exercise the generic code paths.
    public readonly struct P64E0 : IPositTraits
    {
        public static int Bits => 64; public static int ExponentBits => 0; public static ulong CodeMask => ulong.MaxValue; public static ulong NaRCode => 1UL << 63; public static ulong MaxPosCode => (1UL << 63) - 1;
        public static int MaxScale => 62; public static int MaxFractionBits => 61; public static int QuireBits => 312; public static int QuireLimbs => 5;
        public static bool IsExactInDouble => false; public static bool IsExactInSingle => false; public static bool IsExactInHalf => false;
    }

    public readonly struct P64E4 : IPositTraits
    {
        public static int Bits => 64; public static int ExponentBits => 4; public static ulong CodeMask => ulong.MaxValue; public static ulong NaRCode => 1UL << 63; public static ulong MaxPosCode => (1UL << 63) - 1;
        public static int MaxScale => 992; public static int MaxFractionBits => 57; public static int QuireBits => 4032; public static int QuireLimbs => 63;
        public static bool IsExactInDouble => false; public static bool IsExactInSingle => false; public static bool IsExactInHalf => false;
    }

    public readonly struct P12E3 : IPositTraits
    {
        public static int Bits => 12; public static int ExponentBits => 3; public static ulong CodeMask => 0xFFF; public static ulong NaRCode => 0x800; public static ulong MaxPosCode => 0x7FF;
        public static int MaxScale => 80; public static int MaxFractionBits => 6; public static int QuireBits => 332; public static int QuireLimbs => 6;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P32E0 : IPositTraits
    {
        public static int Bits => 32; public static int ExponentBits => 0; public static ulong CodeMask => 0xFFFF_FFFF; public static ulong NaRCode => 0x8000_0000; public static ulong MaxPosCode => 0x7FFF_FFFF;
        public static int MaxScale => 30; public static int MaxFractionBits => 29; public static int QuireBits => 152; public static int QuireLimbs => 3;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => false; public static bool IsExactInHalf => false;
    }

    // Two more shapes whose sums are exact in a 64-bit fixed-point integer (maxScale <= 29), beside P16E1.
    public readonly struct P16E0 : IPositTraits
    {
        public static int Bits => 16; public static int ExponentBits => 0; public static ulong CodeMask => 0xFFFF; public static ulong NaRCode => 0x8000; public static ulong MaxPosCode => 0x7FFF;
        public static int MaxScale => 14; public static int MaxFractionBits => 13; public static int QuireBits => 72; public static int QuireLimbs => 2;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P10E1 : IPositTraits
    {
        public static int Bits => 10; public static int ExponentBits => 1; public static ulong CodeMask => 0x3FF; public static ulong NaRCode => 0x200; public static ulong MaxPosCode => 0x1FF;
        public static int MaxScale => 16; public static int MaxFractionBits => 6; public static int QuireBits => 74; public static int QuireLimbs => 2;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P20E4 : IPositTraits
    {
        public static int Bits => 20; public static int ExponentBits => 4; public static ulong CodeMask => 0xF_FFFF; public static ulong NaRCode => 0x8_0000; public static ulong MaxPosCode => 0x7_FFFF;
        public static int MaxScale => 288; public static int MaxFractionBits => 13; public static int QuireBits => 1172; public static int QuireLimbs => 19;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => false; public static bool IsExactInHalf => false;
    }

    public readonly struct P6E1 : IPositTraits
    {
        public static int Bits => 6; public static int ExponentBits => 1; public static ulong CodeMask => 0x3F; public static ulong NaRCode => 0x20; public static ulong MaxPosCode => 0x1F;
        public static int MaxScale => 8; public static int MaxFractionBits => 2; public static int QuireBits => 38; public static int QuireLimbs => 1;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => true;
    }

    public readonly struct P5E4 : IPositTraits
    {
        public static int Bits => 5; public static int ExponentBits => 4; public static ulong CodeMask => 0x1F; public static ulong NaRCode => 0x10; public static ulong MaxPosCode => 0xF;
        public static int MaxScale => 48; public static int MaxFractionBits => 0; public static int QuireBits => 197; public static int QuireLimbs => 4;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => false;
    }

    public readonly struct P3E2 : IPositTraits
    {
        public static int Bits => 3; public static int ExponentBits => 2; public static ulong CodeMask => 0x7; public static ulong NaRCode => 0x4; public static ulong MaxPosCode => 0x3;
        public static int MaxScale => 4; public static int MaxFractionBits => 0; public static int QuireBits => 48; public static int QuireLimbs => 1;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => true;
    }

    public readonly struct P2E0 : IPositTraits
    {
        public static int Bits => 2; public static int ExponentBits => 0; public static ulong CodeMask => 0x3; public static ulong NaRCode => 0x2; public static ulong MaxPosCode => 0x1;
        public static int MaxScale => 0; public static int MaxFractionBits => 0; public static int QuireBits => 2; public static int QuireLimbs => 1;
        public static bool IsExactInDouble => true; public static bool IsExactInSingle => true; public static bool IsExactInHalf => true;
    }
}

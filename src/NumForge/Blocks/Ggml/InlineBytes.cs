using System.Runtime.CompilerServices;

namespace NumForge.Blocks.Ggml
{
    // Fixed byte arrays inside the blittable block structs (ggml's uint8_t x[N] fields).
#pragma warning disable CA1823, IDE0051, IDE0044, S1144 // the element field is the storage of the inline array
    [InlineArray(4)]
    internal struct Bytes4 { private byte _e; }

    [InlineArray(12)]
    internal struct Bytes12 { private byte _e; }

    [InlineArray(16)]
    internal struct Bytes16 { private byte _e; }

    [InlineArray(32)]
    internal struct Bytes32 { private byte _e; }

    [InlineArray(64)]
    internal struct Bytes64 { private byte _e; }

    [InlineArray(128)]
    internal struct Bytes128 { private byte _e; }
#pragma warning restore CA1823, IDE0051, IDE0044, S1144
}

/*
 * SoftPosit loop harness for SoftPositBenchmarks (NumForge.Benchmarks).
 *
 * Plain loops over SoftPosit's public functions, so that one native call from .NET runs a whole loop of n operations
 * and the P/Invoke transition (a few ns) is paid once per 1024 operations rather than once per operation. Each loop
 * reads the same operand arrays and writes the same result array as the matching NumForge row in PositBenchmarks.
 *
 * Formats: p16 = SoftPosit posit16_t (es 1, NumForge Posit16E1); p32 = posit32_t (es 2, NumForge Posit32);
 * px2_16 = SoftPosit's posit_2_t at width 16 (es 2, NumForge Posit16). posit_2_t keeps an x-bit posit in the top x
 * bits of a 32-bit word, so the px2_16 loops shift each 16-bit operand up and each result down (two shifts per
 * operation, part of using SoftPosit's pX2 API).
 *
 * fma computes a[i] * b[i] + a[(i + 1) & (n - 1)] (n a power of two), as PositBenchmarks' fma row does.
 *
 * Build (SoftPosit itself is not part of NumForge; see docs/benchmarks.md, "SoftPosit anchor"):
 *   gcc -O2 -march=core-avx2 -DSOFTPOSIT_FAST_INT64 -DINLINE_LEVEL=5 -shared -fPIC -fvisibility=hidden \
 *       -I$SOFTPOSIT/build/Linux-x86_64-GCC -I$SOFTPOSIT/source/8086-SSE -I$SOFTPOSIT/source/include \
 *       <SoftPosit arithmetic sources> softposit_loops.c -o libsoftposit_bench.so
 * -fvisibility=hidden keeps SoftPosit's own functions internal, so the calls between them (p16_add ->
 * softposit_addMagsP16) are direct, as when softposit.a is linked statically, not through the PLT; only the sp_*
 * loops below are exported.
 */
#include <stdint.h>

#include "softposit.h"

#define SP_EXPORT __attribute__((visibility("default")))

/* posit16 (es 1) */

SP_EXPORT void sp_p16_add(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit16_t x = { a[i] }, y = { b[i] }; r[i] = p16_add(x, y).v; }
}

SP_EXPORT void sp_p16_mul(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit16_t x = { a[i] }, y = { b[i] }; r[i] = p16_mul(x, y).v; }
}

SP_EXPORT void sp_p16_div(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit16_t x = { a[i] }, y = { b[i] }; r[i] = p16_div(x, y).v; }
}

SP_EXPORT void sp_p16_fma(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++)
    {
        posit16_t x = { a[i] }, y = { b[i] }, z = { a[(i + 1) & (n - 1)] };
        r[i] = p16_mulAdd(x, y, z).v;
    }
}

SP_EXPORT void sp_p16_sqrt(const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit16_t y = { b[i] }; r[i] = p16_sqrt(y).v; }
}

/* posit32 (es 2) */

SP_EXPORT void sp_p32_add(const uint32_t* a, const uint32_t* b, uint32_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit32_t x = { a[i] }, y = { b[i] }; r[i] = p32_add(x, y).v; }
}

SP_EXPORT void sp_p32_mul(const uint32_t* a, const uint32_t* b, uint32_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit32_t x = { a[i] }, y = { b[i] }; r[i] = p32_mul(x, y).v; }
}

SP_EXPORT void sp_p32_div(const uint32_t* a, const uint32_t* b, uint32_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit32_t x = { a[i] }, y = { b[i] }; r[i] = p32_div(x, y).v; }
}

SP_EXPORT void sp_p32_fma(const uint32_t* a, const uint32_t* b, uint32_t* r, int n)
{
    for (int i = 0; i < n; i++)
    {
        posit32_t x = { a[i] }, y = { b[i] }, z = { a[(i + 1) & (n - 1)] };
        r[i] = p32_mulAdd(x, y, z).v;
    }
}

SP_EXPORT void sp_p32_sqrt(const uint32_t* b, uint32_t* r, int n)
{
    for (int i = 0; i < n; i++) { posit32_t y = { b[i] }; r[i] = p32_sqrt(y).v; }
}

/* posit<16,2> through pX2 (x = 16) */

static inline posit_2_t sp_px2_16(uint16_t bits)
{
    posit_2_t p = { (uint32_t)bits << 16 };
    return p;
}

SP_EXPORT void sp_px2_16_add(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) r[i] = (uint16_t)(pX2_add(sp_px2_16(a[i]), sp_px2_16(b[i]), 16).v >> 16);
}

SP_EXPORT void sp_px2_16_mul(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) r[i] = (uint16_t)(pX2_mul(sp_px2_16(a[i]), sp_px2_16(b[i]), 16).v >> 16);
}

SP_EXPORT void sp_px2_16_div(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) r[i] = (uint16_t)(pX2_div(sp_px2_16(a[i]), sp_px2_16(b[i]), 16).v >> 16);
}

SP_EXPORT void sp_px2_16_fma(const uint16_t* a, const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++)
    {
        posit_2_t z = sp_px2_16(a[(i + 1) & (n - 1)]);
        r[i] = (uint16_t)(pX2_mulAdd(sp_px2_16(a[i]), sp_px2_16(b[i]), z, 16).v >> 16);
    }
}

SP_EXPORT void sp_px2_16_sqrt(const uint16_t* b, uint16_t* r, int n)
{
    for (int i = 0; i < n; i++) r[i] = (uint16_t)(pX2_sqrt(sp_px2_16(b[i]), 16).v >> 16);
}

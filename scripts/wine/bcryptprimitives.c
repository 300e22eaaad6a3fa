/*
 * TEST AID ONLY: never shipped, never linked into rolefit.
 *
 * Rust's standard library on Windows imports ProcessPrng from bcryptprimitives.dll. Debian's
 * wine 8 has no such DLL, so every Rust program exits with status 53 before main, silently.
 * This stub exports ProcessPrng and fills the buffer from RtlGenRandom (SystemFunction036 in
 * advapi32), which wine has. .ci/run builds it with
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 * and places it in the wine prefix's system32, where wine finds it for every test binary.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

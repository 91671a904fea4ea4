/* Wine-only stand-in for bcryptprimitives.dll (part of Windows 10+, missing in Wine 8), whose
 * ProcessPrng pydantic-core imports. Real randomness from advapi32's RtlGenRandom (SystemFunction036).
 * Build and test use only (the Wine prefixes of the Windows build and its test): never shipped. */
#include <windows.h>
#define API __declspec(dllexport)
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

API BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

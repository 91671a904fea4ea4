/* Wine-only stand-in for mscms.dll: Wine 8's lacks WcsCreateIccProfile, which Qt 6.12's qwindows.dll
 * imports. Every call fails, so Qt assumes sRGB. Load it with WINEDLLOVERRIDES=...;mscms=n.
 * Test use only (the Wine prefix of tests/packaging/test_windows_installer.py): never shipped. */
#include <windows.h>
#define API __declspec(dllexport)

API HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation)
{ (void)profile; (void)access; (void)share; (void)creation; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
API BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return FALSE; }
API BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size)
{ (void)profile; (void)buffer; if (size) *size = 0; SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
API HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options)
{ (void)profile; (void)options; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }

/* Wine-only stand-in for Windows' system ICU (icuuc.dll), which Wine 8 lacks and Qt 6.10+ imports.
 * Every converter fails to open, so Qt falls back to its own codecs. Build and test use only (Wine
 * prefixes of build/build-windows.sh and tests/packaging/test_windows_installer.py): never shipped. */
#include <stddef.h>
#define API __declspec(dllexport)
typedef int UErrorCode;
enum { U_FILE_ACCESS_ERROR = 4 };

static void fail(UErrorCode *status) { if (status && *status <= 0) *status = U_FILE_ACCESS_ERROR; }

API void *ucnv_open(const char *name, UErrorCode *status) { (void)name; fail(status); return NULL; }
API void ucnv_close(void *cnv) { (void)cnv; }
API void ucnv_reset(void *cnv) { (void)cnv; }
API signed char ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
API const char *ucnv_getName(const void *cnv, UErrorCode *status) { (void)cnv; fail(status); return NULL; }
API const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status)
{ (void)name; (void)standard; fail(status); return NULL; }
API int ucnv_countAvailable(void) { return 0; }
API const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
API void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
API void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
API void ucnv_setToUCallBack(void *c, void *a, const void *x, void **oa, const void **ox, UErrorCode *s)
{ (void)c; (void)a; (void)x; (void)oa; (void)ox; fail(s); }
API void ucnv_setFromUCallBack(void *c, void *a, const void *x, void **oa, const void **ox, UErrorCode *s)
{ (void)c; (void)a; (void)x; (void)oa; (void)ox; fail(s); }
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const void *u, int l, int cp, int r, UErrorCode *s)
{ (void)c; (void)a; (void)u; (void)l; (void)cp; (void)r; fail(s); }
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *b, int l, int r, UErrorCode *s)
{ (void)c; (void)a; (void)b; (void)l; (void)r; fail(s); }
API void ucnv_cbToUWriteUChars(void *a, const void *s, int l, int o, UErrorCode *e)
{ (void)a; (void)s; (void)l; (void)o; fail(e); }
API void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int o, UErrorCode *e)
{ (void)a; (void)s; (void)sl; (void)o; fail(e); }
API void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int *o, int f, UErrorCode *e)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
API void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int *o, int f, UErrorCode *e)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
API int ucnv_toUCountPending(const void *c, UErrorCode *s) { (void)c; fail(s); return 0; }
API int ucnv_fromUCountPending(const void *c, UErrorCode *s) { (void)c; fail(s); return 0; }

/*
 * fuwutai-card-helper: loads a vendor 社保卡 reader library (SSCardDriver.dll or a .so) and makes its raw
 * calls for the main program, which cannot load it itself (a 64-bit program and a 32-bit DLL). It only
 * calls and reports: parsing, validation and error messages stay in Python (app/cards/vendor.py, through
 * app/cards/helper_client.py). app/cards/vendor_helper.py is the Python implementation of the same
 * protocol, used when running from a checkout.
 *
 *   fuwutai-card-helper --library PATH [--itype N] [--convention auto|stdcall|cdecl] [--step1-no-itype]
 *
 * Protocol version 2 on stdin/stdout: ASCII, one request per line, one answer per line, flushed.
 *   hello            -> ok proto=2 bits=32 hsm=1 pin=1     (bits: pointer size; hsm/pin: functions present)
 *   read <itype>     -> ok <code> <hex of the output bytes, or ->      iReadCardBas
 *   step1 <itype>    -> ok <code> <hex or ->                           iReadCardBas_HSM_Step1 (itype ignored
 *                                                                      with --step1-no-itype)
 *   step2 <hexkey>   -> ok <code> <hex or ->                           iReadCardBas_HSM_Step2 ("-": empty key)
 *   pin <itype>      -> ok <code> <hex or ->                           iVerifyPIN
 *   quit             -> ok, then exit
 * Failures: err load <hex of a short UTF-8 reason>   the library could not be loaded (every request but quit)
 *           err missing <function>                   the library lacks the function; a library without
 *                                                    iReadCardBas answers this to every request but quit
 *           err request                              malformed, not ASCII, or longer than 64 KiB
 * Load reasons: "winerror=<n>" (Windows LoadLibrary), "convention=stdcall unsupported" (stdcall outside
 * Windows), otherwise the dlopen message.
 *
 * Vendor libraries print: the real stdout is kept for the protocol and fd 1 (and on Windows the standard
 * output handle) points at stderr before the library is loaded; the main program discards stderr.
 * Output buffer: 8192 bytes, zeroed before every call; the answer carries the bytes up to the first NUL.
 *
 * Windows build (build/card-helper/build-card-helper.sh):
 *   i686-w64-mingw32-gcc -O2 -s -static -municode -std=c99 -o fuwutai-card-helper.exe fuwutai_card_helper.c
 * Elsewhere: gcc -O2 -std=c99 -o fuwutai-card-helper fuwutai_card_helper.c -ldl
 */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L /* dup, fdopen */
#endif
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#else
#include <dlfcn.h>
#include <unistd.h>
#endif

#define PROTOCOL_VERSION 2
#define OUT_SIZE 8192
#define MAX_REQUEST (64 * 1024)

#if defined(_WIN32) && !defined(_WIN64)
#define HELPER_STDCALL __stdcall
#define HELPER_CDECL __cdecl
#else
#define HELPER_STDCALL
#define HELPER_CDECL
#endif

typedef long(HELPER_STDCALL *std_int_out)(int, char *);
typedef long(HELPER_CDECL *cdecl_int_out)(int, char *);
typedef long(HELPER_STDCALL *std_out)(char *);
typedef long(HELPER_CDECL *cdecl_out)(char *);
typedef long(HELPER_STDCALL *std_str_out)(char *, char *);
typedef long(HELPER_CDECL *cdecl_str_out)(char *, char *);
typedef void (*any_fn)(void);

enum kind { INT_OUT, OUT_ONLY, STR_OUT };

struct function {
    const char *name;
    any_fn fn;
};

static FILE *protocol;
static int use_stdcall;
static int step1_no_itype;
static char load_reason[512]; /* non-empty: the library could not be loaded */
static struct function f_read = {"iReadCardBas", NULL};
static struct function f_step1 = {"iReadCardBas_HSM_Step1", NULL};
static struct function f_step2 = {"iReadCardBas_HSM_Step2", NULL};
static struct function f_pin = {"iVerifyPIN", NULL};
static char out_buffer[OUT_SIZE];

static void reply(const char *text) {
    fputs(text, protocol);
    fputc('\n', protocol);
    fflush(protocol);
}

static void put_hex(const unsigned char *data, size_t n) {
    static const char digits[] = "0123456789abcdef";
    size_t i;
    if (n == 0) {
        fputc('-', protocol);
        return;
    }
    for (i = 0; i < n; i++) {
        fputc(digits[data[i] >> 4], protocol);
        fputc(digits[data[i] & 15], protocol);
    }
}

/* Keep the real stdout for the protocol; everything else that writes to stdout lands on stderr. */
static int claim_stdout(void) {
    int fd;
    fflush(stdout);
#ifdef _WIN32
    _setmode(_fileno(stdin), _O_BINARY);
    fd = _dup(1);
    if (fd < 0) return -1;
    _setmode(fd, _O_BINARY);
    _dup2(2, 1);
    SetStdHandle(STD_OUTPUT_HANDLE, GetStdHandle(STD_ERROR_HANDLE));
    protocol = _fdopen(fd, "wb");
#else
    fd = dup(1);
    if (fd < 0) return -1;
    dup2(2, 1);
    protocol = fdopen(fd, "wb");
#endif
    return protocol ? 0 : -1;
}

#ifdef _WIN32
static HMODULE library;

static void load(const char *path) {
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    wchar_t *wide;
    if (n <= 0) {
        snprintf(load_reason, sizeof load_reason, "path is not UTF-8");
        return;
    }
    wide = (wchar_t *)malloc((size_t)n * sizeof(wchar_t));
    if (!wide) {
        snprintf(load_reason, sizeof load_reason, "out of memory");
        return;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, wide, n);
    /* A full path: the DLL's own folder is searched for the other DLLs the vendor ships with it. */
    if (wcschr(wide, L'\\') || wcschr(wide, L'/'))
        library = LoadLibraryExW(wide, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    else
        library = LoadLibraryW(wide);
    if (!library) snprintf(load_reason, sizeof load_reason, "winerror=%lu", (unsigned long)GetLastError());
    free(wide);
}

static any_fn lookup(const char *name) {
    FARPROC proc = GetProcAddress(library, name);
    any_fn fn;
    memcpy(&fn, &proc, sizeof fn);
    return fn;
}
#else
static void *library;

static void load(const char *path) {
    const char *error;
    library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        error = dlerror();
        snprintf(load_reason, sizeof load_reason, "%s", error ? error : "dlopen failed");
    }
}

static any_fn lookup(const char *name) {
    void *symbol = dlsym(library, name);
    any_fn fn;
    memcpy(&fn, &symbol, sizeof fn);
    return fn;
}
#endif

static long call(enum kind kind, any_fn fn, int itype, char *key) {
    memset(out_buffer, 0, sizeof out_buffer);
    if (use_stdcall) {
        if (kind == INT_OUT) return ((std_int_out)fn)(itype, out_buffer);
        if (kind == OUT_ONLY) return ((std_out)fn)(out_buffer);
        return ((std_str_out)fn)(key, out_buffer);
    }
    if (kind == INT_OUT) return ((cdecl_int_out)fn)(itype, out_buffer);
    if (kind == OUT_ONLY) return ((cdecl_out)fn)(out_buffer);
    return ((cdecl_str_out)fn)(key, out_buffer);
}

static void answer_call(enum kind kind, const struct function *f, int itype, char *key) {
    long code;
    size_t n = 0;
    if (!f->fn) {
        fprintf(protocol, "err missing %s\n", f->name);
        fflush(protocol);
        return;
    }
    code = call(kind, f->fn, itype, key);
    while (n < OUT_SIZE && out_buffer[n]) n++;
    fprintf(protocol, "ok %ld ", code);
    put_hex((const unsigned char *)out_buffer, n);
    fputc('\n', protocol);
    fflush(protocol);
    memset(out_buffer, 0, sizeof out_buffer); /* card data does not stay in memory longer than needed */
}

static void answer_load_error(void) {
    fputs("err load ", protocol);
    put_hex((const unsigned char *)load_reason, strlen(load_reason));
    fputc('\n', protocol);
    fflush(protocol);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* A decimal int: optional minus, 1-10 digits, in range. */
static int parse_int(const char *text, int *value) {
    const char *p = text;
    char *end;
    long v;
    size_t digits;
    if (*p == '-') p++;
    digits = strspn(p, "0123456789");
    if (digits == 0 || digits > 10 || p[digits] != 0) return 0;
    v = strtol(text, &end, 10);
    if (*end != 0 || v < INT_MIN || v > INT_MAX) return 0;
    *value = (int)v;
    return 1;
}

/* Decodes "-" or an even-length hex string into a new NUL-terminated buffer; NULL when malformed. */
static char *parse_key(const char *text) {
    size_t len = strlen(text), i;
    char *key;
    if (strcmp(text, "-") == 0) return (char *)calloc(1, 1);
    if (len == 0 || len % 2 != 0) return NULL;
    key = (char *)malloc(len / 2 + 1);
    if (!key) return NULL;
    for (i = 0; i < len / 2; i++) {
        int hi = hexval(text[2 * i]), lo = hexval(text[2 * i + 1]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) { /* a NUL cannot be passed in a C string */
            free(key);
            return NULL;
        }
        key[i] = (char)(hi * 16 + lo);
    }
    key[len / 2] = 0;
    return key;
}

/* Handles one request line (without its newline). Returns 1 on quit. */
static int handle(char *line) {
    char *arg = strchr(line, ' ');
    int itype = 0;
    if (arg) *arg++ = 0;
    if (strcmp(line, "quit") == 0 && !arg) {
        reply("ok");
        return 1;
    }
    if (strcmp(line, "hello") == 0 && !arg) {
        if (load_reason[0]) answer_load_error();
        else if (!f_read.fn) answer_call(INT_OUT, &f_read, 0, NULL);
        else {
            fprintf(protocol, "ok proto=%d bits=%d hsm=%d pin=%d\n", PROTOCOL_VERSION, (int)(sizeof(void *) * 8),
                    f_step1.fn && f_step2.fn ? 1 : 0, f_pin.fn ? 1 : 0);
            fflush(protocol);
        }
        return 0;
    }
    if (!arg) {
        reply("err request");
        return 0;
    }
    if (strcmp(line, "step2") == 0) {
        char *key = parse_key(arg);
        if (!key) reply("err request");
        else if (load_reason[0]) answer_load_error();
        else if (!f_read.fn) answer_call(INT_OUT, &f_read, 0, NULL);
        else answer_call(STR_OUT, &f_step2, 0, key);
        free(key);
        return 0;
    }
    if ((strcmp(line, "read") != 0 && strcmp(line, "step1") != 0 && strcmp(line, "pin") != 0) ||
        !parse_int(arg, &itype)) {
        reply("err request");
        return 0;
    }
    if (load_reason[0]) answer_load_error();
    else if (!f_read.fn || strcmp(line, "read") == 0) answer_call(INT_OUT, &f_read, itype, NULL);
    else if (strcmp(line, "pin") == 0) answer_call(INT_OUT, &f_pin, itype, NULL);
    else answer_call(step1_no_itype ? OUT_ONLY : INT_OUT, &f_step1, itype, NULL);
    return 0;
}

/* Reads one line into line (at most MAX_REQUEST bytes). Returns -1 at end of input, 0 for a usable line,
 * 1 for a line that is too long or not printable ASCII (read to its end and discarded). */
static int read_line(char *line) {
    size_t n = 0;
    int c, bad = 0, any = 0, cr = 0;
    while ((c = getchar()) != EOF) {
        any = 1;
        if (c == '\n') break;
        if (cr) bad = 1; /* a CR is allowed only right before the LF */
        cr = c == '\r';
        if (cr) continue;
        if (n >= MAX_REQUEST || c < 0x20 || c > 0x7e) {
            bad = 1;
            continue;
        }
        line[n++] = (char)c;
    }
    if (!any) return -1;
    line[n] = 0;
    return bad;
}

static int run(int argc, char **argv) {
    const char *path = NULL, *convention = "auto";
    static char line[MAX_REQUEST + 1];
    int i, status;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--library") == 0 && i + 1 < argc) path = argv[++i];
        else if (strcmp(argv[i], "--itype") == 0 && i + 1 < argc) i++; /* the main program sends itype per call */
        else if (strcmp(argv[i], "--convention") == 0 && i + 1 < argc) convention = argv[++i];
        else if (strcmp(argv[i], "--step1-no-itype") == 0) step1_no_itype = 1;
        else {
            fprintf(stderr, "usage: fuwutai-card-helper --library PATH [--itype N] [--convention auto|stdcall|cdecl] "
                            "[--step1-no-itype]\n");
            return 2;
        }
    }
    if (!path || (strcmp(convention, "auto") != 0 && strcmp(convention, "stdcall") != 0 &&
                  strcmp(convention, "cdecl") != 0)) {
        fprintf(stderr, "fuwutai-card-helper: --library is required; --convention is auto, stdcall or cdecl\n");
        return 2;
    }
    if (claim_stdout() != 0) {
        fprintf(stderr, "fuwutai-card-helper: cannot set up the protocol stream\n");
        return 3;
    }
#ifdef _WIN32
    use_stdcall = strcmp(convention, "cdecl") != 0;
    /* No error dialogs from a hidden helper: a missing DLL or a vendor crash just ends the call. */
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
#else
    use_stdcall = 0;
    if (strcmp(convention, "stdcall") == 0) snprintf(load_reason, sizeof load_reason, "convention=stdcall unsupported");
#endif
    if (!load_reason[0]) load(path);
    if (!load_reason[0]) {
        f_read.fn = lookup(f_read.name);
        f_step1.fn = lookup(f_step1.name);
        f_step2.fn = lookup(f_step2.name);
        f_pin.fn = lookup(f_pin.name);
    }
    while ((status = read_line(line)) >= 0) {
        if (status > 0) reply("err request");
        else if (handle(line)) return 0;
    }
    return 0;
}

#ifdef _WIN32
/* The command line in UTF-16 (built with -municode), passed on as UTF-8. */
int wmain(int argc, wchar_t **wargv) {
    char **argv = (char **)calloc((size_t)argc + 1, sizeof(char *));
    int i;
    if (!argv) return 3;
    for (i = 0; i < argc; i++) {
        int n = WideCharToMultiByte(CP_UTF8, 0, wargv[i], -1, NULL, 0, NULL, NULL);
        argv[i] = (char *)calloc(n > 0 ? (size_t)n : 1, 1);
        if (!argv[i]) return 3;
        if (n > 0) WideCharToMultiByte(CP_UTF8, 0, wargv[i], -1, argv[i], n, NULL, NULL);
    }
    return run(argc, argv);
}
#else
int main(int argc, char **argv) { return run(argc, argv); }
#endif

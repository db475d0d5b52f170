/* candor's wrappers around the libc functions whose failures are silent.
 *
 * Compiled into every C and C++ program the native runtime builds. The
 * program is compiled with `-DNAME=candor_NAME` for each NAME below, so its
 * calls (and the C library headers' declarations, and C++'s `std::NAME`,
 * which names the same declaration) reach `candor_NAME`. This file undoes
 * those names first, so each wrapper calls the real function and, when the
 * call failed in a way the program cannot see or did not ask about, tells
 * the host through the `candor.event` import. The host finds the program's
 * line from the call stack, so the event carries only what happened. (Writes
 * to stderr are watched by the host itself, at `fd_write`.)
 *
 * An event is one JSON object: {"call": NAME, ...}. Strings are escaped and
 * cut to EVENT_TEXT bytes. A program can call the import itself: events are
 * best effort, as the findings of every runtime are.
 */
#undef atoi
#undef atol
#undef atoll
#undef atof
#undef strtol
#undef strtoll
#undef strtoul
#undef strtoull
#undef strtod
#undef strtof
#undef sscanf
#undef scanf
#undef fscanf
#undef fopen
#undef malloc
#undef calloc
#undef realloc

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

__attribute__((import_module("candor"), import_name("event")))
void candor_event(const char *json, size_t len);

/* A program that defines a function of a watched name (its own `atoi`)
 * defines `candor_atoi`, which then wins over this one: it runs unwatched. */
#define WEAK __attribute__((weak))

#define EVENT_TEXT 80
#define EVENT_SIZE 512

/* An event under construction. */
struct event {
    char text[EVENT_SIZE];
    size_t len;
};

static void put(struct event *e, const char *s) {
    while (*s && e->len + 1 < EVENT_SIZE) e->text[e->len++] = *s++;
}

/* Appends `"key":"value"` with value escaped as a JSON string and cut. */
static void put_string(struct event *e, const char *key, const char *value, size_t max) {
    put(e, ",\"");
    put(e, key);
    put(e, "\":\"");
    if (value == NULL) value = "";
    for (size_t i = 0; value[i] && i < max && e->len + 8 < EVENT_SIZE; i++) {
        unsigned char c = (unsigned char)value[i];
        if (c == '"' || c == '\\') {
            e->text[e->len++] = '\\';
            e->text[e->len++] = (char)c;
        } else if (c < 0x20 || c >= 0x7f) {
            /* bytes, not UTF-8: the host shows them as \u00XX */
            static const char hex[] = "0123456789abcdef";
            put(e, "\\u00");
            e->text[e->len++] = hex[c >> 4];
            e->text[e->len++] = hex[c & 15];
        } else {
            e->text[e->len++] = (char)c;
        }
    }
    put(e, "\"");
}

static void put_number(struct event *e, const char *key, long long value) {
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", value);
    put(e, ",\"");
    put(e, key);
    put(e, "\":");
    put(e, digits);
}

static void start(struct event *e, const char *call) {
    e->len = 0;
    put(e, "{\"call\":\"");
    put(e, call);
    put(e, "\"");
}

static void send(struct event *e) {
    put(e, "}");
    candor_event(e->text, e->len);
}

/* Set while a wrapper calls another wrapped function for itself. */
static int inside;

/* ---- numbers from text: atoi, atol, atoll, atof ---- */

/* Whether `s` starts (after white space and a sign) with a digit, or for a
 * float also `.5`, `inf`, `nan`: what the conversion needs to find a number. */
static int holds_integer(const char *s) {
    if (s == NULL) return 0;
    while (isspace((unsigned char)*s)) s++;
    if (*s == '+' || *s == '-') s++;
    return isdigit((unsigned char)*s);
}

static void no_number(const char *call, const char *input, const char *value) {
    struct event e;
    start(&e, call);
    put_string(&e, "input", input, EVENT_TEXT);
    put_string(&e, "value", value, EVENT_TEXT);
    send(&e);
}

WEAK int candor_atoi(const char *s) {
    int v = atoi(s);
    if (!inside && !holds_integer(s)) no_number("atoi", s, "0");
    return v;
}

WEAK long candor_atol(const char *s) {
    long v = atol(s);
    if (!inside && !holds_integer(s)) no_number("atol", s, "0");
    return v;
}

WEAK long long candor_atoll(const char *s) {
    long long v = atoll(s);
    if (!inside && !holds_integer(s)) no_number("atoll", s, "0");
    return v;
}

WEAK double candor_atof(const char *s) {
    double v = atof(s);
    if (!inside) {
        char *end = NULL;
        inside = 1;
        strtod(s, &end);
        inside = 0;
        if (end == s) no_number("atof", s, "0.0");
    }
    return v;
}

/* ---- strtol and friends: a failure the program cannot see ----
 * With a NULL end pointer the program cannot tell "0" from "no number", nor
 * (without looking at errno) a clamped value from a real one. A call given an
 * end pointer is left alone: the program can look. */

static void strto_failed(const char *call, const char *s, const char *end, int range,
                         const char *value) {
    struct event e;
    start(&e, call);
    put_string(&e, "input", s, EVENT_TEXT);
    put_string(&e, "value", value, EVENT_TEXT);
    put_string(&e, "why", end == s ? "no number" : range ? "out of range" : "", EVENT_TEXT);
    send(&e);
}

#define WRAP_STRTO_INT(NAME, TYPE, FORMAT)                                           \
    WEAK TYPE candor_##NAME(const char *s, char **endp, int base) {                        \
        if (endp != NULL || inside) return NAME(s, endp, base);              \
        char *end = NULL;                                                             \
        int saved = errno;                                                            \
        errno = 0;                                                                    \
        TYPE v = NAME(s, &end, base);                                        \
        int range = errno == ERANGE;                                                  \
        if (end == s || range) {                                                      \
            char shown[32];                                                           \
            snprintf(shown, sizeof shown, FORMAT, v);                                 \
            strto_failed(#NAME, s, end, range, shown);                                \
        }                                                                             \
        if (!range) errno = saved;                                                    \
        return v;                                                                     \
    }

WRAP_STRTO_INT(strtol, long, "%ld")
WRAP_STRTO_INT(strtoll, long long, "%lld")
WRAP_STRTO_INT(strtoul, unsigned long, "%lu")
WRAP_STRTO_INT(strtoull, unsigned long long, "%llu")

#define WRAP_STRTO_FLOAT(NAME, TYPE)                                                  \
    WEAK TYPE candor_##NAME(const char *s, char **endp) {                                  \
        if (endp != NULL || inside) return NAME(s, endp);                    \
        char *end = NULL;                                                             \
        int saved = errno;                                                            \
        errno = 0;                                                                    \
        TYPE v = NAME(s, &end);                                              \
        int range = errno == ERANGE;                                                  \
        if (end == s || range) {                                                      \
            char shown[48];                                                           \
            snprintf(shown, sizeof shown, "%g", (double)v);                           \
            strto_failed(#NAME, s, end, range, shown);                                \
        }                                                                             \
        if (!range) errno = saved;                                                    \
        return v;                                                                     \
    }

WRAP_STRTO_FLOAT(strtod, double)
WRAP_STRTO_FLOAT(strtof, float)

/* ---- scanf and friends: fewer items than asked ---- */

/* The conversions `format` asks to store: each `%` directive but `%%`, `%n`
 * and assignment-suppressed `%*`. */
static int conversions(const char *format) {
    int n = 0;
    for (const char *p = format; p && *p; p++) {
        if (*p != '%') continue;
        p++;
        if (*p == '%') continue;
        if (*p == '*') {
            /* skip the suppressed directive's conversion letter */
            while (*p && !isalpha((unsigned char)*p) && *p != '[') p++;
            if (*p == '[') { p++; if (*p == ']') p++; while (*p && *p != ']') p++; }
            if (!*p) break;
            continue;
        }
        while (*p && (isdigit((unsigned char)*p) || *p == '$')) p++;
        while (*p == 'h' || *p == 'l' || *p == 'j' || *p == 'z' || *p == 't' || *p == 'L' ||
               *p == 'q' || *p == 'm')
            p++;
        if (*p == 'n') continue;
        if (*p == '[') { p++; if (*p == '^') p++; if (*p == ']') p++; while (*p && *p != ']') p++; }
        if (!*p) break;
        n++;
    }
    return n;
}

/* `got` items stored of `asked`. For scanf and fscanf, EOF before any item is
 * the end of the input, which a reading loop expects; for sscanf, EOF means
 * the string held nothing. */
static void scanned(const char *call, const char *format, const char *input, int got,
                    int asked) {
    if (inside || asked == 0 || got >= asked) return;
    struct event e;
    start(&e, call);
    put_string(&e, "format", format, EVENT_TEXT);
    if (input) put_string(&e, "input", input, EVENT_TEXT);
    put_number(&e, "matched", got < 0 ? 0 : got);
    put_number(&e, "asked", asked);
    send(&e);
}

WEAK int candor_sscanf(const char *s, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int got = vsscanf(s, format, args);
    va_end(args);
    scanned("sscanf", format, s, got, conversions(format));
    return got;
}

WEAK int candor_scanf(const char *format, ...) {
    va_list args;
    va_start(args, format);
    int got = vscanf(format, args);
    va_end(args);
    if (got != EOF) scanned("scanf", format, NULL, got, conversions(format));
    return got;
}

WEAK int candor_fscanf(FILE *stream, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int got = vfscanf(stream, format, args);
    va_end(args);
    if (got != EOF) scanned("fscanf", format, NULL, got, conversions(format));
    return got;
}

/* ---- resources that were not there: fopen, malloc ---- */

WEAK FILE *candor_fopen(const char *path, const char *mode) {
    FILE *f = fopen(path, mode);
    if (f == NULL && !inside) {
        int saved = errno;
        struct event e;
        start(&e, "fopen");
        put_string(&e, "input", path, EVENT_TEXT);
        put_string(&e, "mode", mode, 8);
        put_string(&e, "why", strerror(saved), EVENT_TEXT);
        send(&e);
        errno = saved;
    }
    return f;
}

static void out_of_memory(const char *call, size_t size) {
    if (inside) return;
    struct event e;
    start(&e, call);
    put_number(&e, "size", (long long)size);
    send(&e);
}

WEAK void *candor_malloc(size_t size) {
    void *p = malloc(size);
    if (p == NULL && size > 0) out_of_memory("malloc", size);
    return p;
}

WEAK void *candor_calloc(size_t count, size_t size) {
    void *p = calloc(count, size);
    if (p == NULL && count > 0 && size > 0) out_of_memory("calloc", count * size);
    return p;
}

WEAK void *candor_realloc(void *old, size_t size) {
    void *p = realloc(old, size);
    if (p == NULL && size > 0) out_of_memory("realloc", size);
    return p;
}

#ifdef __cplusplus
}
#endif

// candor's JavaScript compiler, a tool of the build (build.py compiles it for
// the build machine, with the same QuickJS-ng sources as the guest): it
// compiles bootstrap.js and lib/*.js to QuickJS bytecode, which the runner
// loads much faster than it would parse the sources (startup is paid on every
// run). Bytecode does not depend on the machine: the guest reads it as is.
//
// Usage: jsc <out-dir> <file.js>...   writes <out-dir>/<file>.bc for each
//
// Each file is compiled as a strict global script named "<candor>", as the
// runner used to evaluate the sources; its completion value is what the
// runner gets. The source text is left out (Function.prototype.toString says
// "[native code]" for the harness's functions); file names and lines stay, so
// the harness still finds and hides its own stack frames.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quickjs.h"

// build.py patches QuickJS to map every position it reports through these
// hooks (the runner maps the snippet's to the user's source); the compiler has
// nothing to map.
void candor_map_position(JSContext *ctx, JSAtom file, int *line, int *col) {
    (void)ctx; (void)file; (void)line; (void)col;
}
void candor_map_parse_position(const char *file, int *line, int *col) {
    (void)file; (void)line; (void)col;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) { fclose(f); return NULL; }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
        if (cap - n < 2) { char *grown = realloc(buf, cap *= 2); if (!grown) free(buf); buf = grown; }
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s <out-dir> <file.js>...\n", argv[0]);
        return 2;
    }
    JSRuntime *rt = JS_NewRuntime();
    JSContext *ctx = rt ? JS_NewContext(rt) : NULL;
    if (!ctx) {
        fprintf(stderr, "jsc: cannot create a JavaScript runtime\n");
        return 1;
    }
    for (int i = 2; i < argc; i++) {
        size_t len;
        char *source = read_all(argv[i], &len);
        if (!source) {
            fprintf(stderr, "jsc: cannot read %s\n", argv[i]);
            return 1;
        }
        JSValue fn = JS_Eval(ctx, source, len, "<candor>",
                             JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT | JS_EVAL_FLAG_COMPILE_ONLY);
        free(source);
        if (JS_IsException(fn)) {
            JSValue e = JS_GetException(ctx);
            const char *msg = JS_ToCString(ctx, e);
            JSValue stack = JS_GetPropertyStr(ctx, e, "stack");
            const char *where = JS_ToCString(ctx, stack);
            fprintf(stderr, "jsc: %s: %s\n%s\n", argv[i], msg ? msg : "error", where ? where : "");
            return 1;
        }
        size_t size;
        uint8_t *bytecode = JS_WriteObject(ctx, &size, fn, JS_WRITE_OBJ_BYTECODE | JS_WRITE_OBJ_STRIP_SOURCE);
        JS_FreeValue(ctx, fn);
        if (!bytecode) {
            fprintf(stderr, "jsc: %s: cannot write its bytecode\n", argv[i]);
            return 1;
        }
        const char *base = argv[i];
        for (const char *c = argv[i]; *c; c++)
            if (*c == '/' || *c == '\\') base = c + 1;
        char out[4096];
        snprintf(out, sizeof out, "%s/%.*s.bc", argv[1], (int)(strlen(base) - (strstr(base, ".js") ? 3 : 0)), base);
        FILE *f = fopen(out, "wb");
        if (!f || fwrite(bytecode, 1, size, f) != size || fclose(f) != 0) {
            fprintf(stderr, "jsc: cannot write %s\n", out);
            return 1;
        }
        js_free(ctx, bytecode);
    }
    return 0;
}

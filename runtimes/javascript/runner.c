// candor's JavaScript runner: a WASI (preview 1) command around QuickJS-ng.
//
// Usage (inside the sandbox): runner <module|script> <display-name>
//
// The host preopens a read-only directory at /.candor holding
//   program.js  the snippet, as rewritten by the host (TypeScript stripped,
//               handlers instrumented); required
//   source      the user's original text (for the `source` of caught facts); optional
//   map         "genLine genCol origLine origCol" lines, 1-based, sorted, mapping
//               positions in program.js back to the user's source; optional
//   hook        the name the instrumented program calls the hook object by,
//               made up by the host for this run; optional (no instrumentation)
// stdin is left to the snippet.
//
// Every position QuickJS reports in the program (the frames of `error.stack`,
// call sites, syntax errors) goes through candor_map_position first (build.py
// patches QuickJS to call it), so the snippet and its report see its own lines.
//
// The runner evaluates the program as an ES module (top-level await) or a
// classic script, then runs an event loop: it drains the job queue so promises
// settle, runs due timers, and stops when nothing is left. An uncaught
// exception, an unhandled promise rejection or an error thrown by a timer
// callback prints `Uncaught <error>` and the stack to stderr and exits 1; a
// top-level await that never settles exits 13 (as node does). After a run that
// completed, a probe run's program (`candor probe`) has its functions called
// with edge-case inputs (see `explore`).
//
// The harness proper (hook object, console, timers) is bootstrap.js, embedded
// at build time as bytecode in candor_bootstrap.h, together with lib/*.js, the
// globals the harness builds on first use (URL, TextEncoder, ...). Facts go to
// the host one JSON string at a time through the `candor.emit` import.

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "quickjs.h"
#include "candor_bootstrap.h" // bytecode: candor_bootstrap[], candor_libs[]

__attribute__((import_module("candor"), import_name("emit")))
void candor_emit(const char *ptr, size_t len);

#define PROGRAM_DIR "/.candor"
// QuickJS sets no memory limit of its own: the run's memory limit, which the
// host enforces on the linear memory, is the only one, and an allocation it
// refuses ends the run as memory_exceeded (QuickJS's "out of memory" error).
//
// QuickJS's own recursion limit (a catchable RangeError), measured on the C
// shadow stack (2 MiB, see build.py, which also turns the check back on for
// WASI). It must trip before wasmtime's limit on the native stack that the same
// recursion uses (16 MiB, `MAX_WASM_STACK` in src/sandbox/engine.rs), which
// would otherwise end the run with a trap. A JS frame takes about 3 to 4 times
// as much native stack as shadow stack: 1 MiB here (about 3 000 plain frames
// deep) leaves the native stack a wide margin.
#ifndef JS_STACK_LIMIT
#define JS_STACK_LIMIT ((size_t)1 << 20)
#endif

static JSValue harness = JS_UNDEFINED; // what bootstrap.js's setup returned
static const char *display_name = "<snippet>";
static JSAtom program_atom = JS_ATOM_NULL; // display_name, as QuickJS names the program's functions

// -- small helpers -------------------------------------------------------------

/** Reads a whole file; NULL (errno set) when it cannot be read. */
static char *read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) { fclose(f); errno = ENOMEM; return NULL; }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) break;
        if (cap - len < 2) { char *grown = realloc(buf, cap *= 2); if (!grown) free(buf); buf = grown; }
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) { free(buf); errno = EIO; return NULL; }
    buf[len] = 0;
    if (len_out) *len_out = len;
    return buf;
}

static void write_all(FILE *stream, const char *s, size_t len) {
    fwrite(s, 1, len, stream);
    fflush(stream);
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1.0e6;
}

// -- positions: program.js -> the user's source ------------------------------------

typedef struct { int gen_line, gen_col, line, col; } Mapping;
static Mapping *mappings = NULL; // sorted by generated position
static size_t mapping_count = 0;

/** Parses the map file ("genLine genCol origLine origCol" per line). */
static void load_map(const char *text) {
    size_t cap = 0;
    while (text && *text) {
        char *end;
        int v[4];
        const char *p = text;
        bool ok = true;
        for (int i = 0; i < 4; i++) {
            long n = strtol(p, &end, 10);
            if (end == p) { ok = false; break; }
            v[i] = (int)n;
            p = end;
        }
        if (ok) {
            if (mapping_count == cap) {
                size_t grown_cap = cap ? cap * 2 : 1024;
                Mapping *grown = realloc(mappings, grown_cap * sizeof *grown);
                if (!grown) return; // what is loaded still maps
                mappings = grown;
                cap = grown_cap;
            }
            mappings[mapping_count++] = (Mapping){ v[0], v[1], v[2], v[3] };
        }
        // the next line (not strchr: zig's libc measures the whole rest of the
        // string first, which made this quadratic)
        while (*p && *p != '\n') p++;
        if (!*p) break;
        text = p + 1;
    }
}

/** Maps a 1-based position in program.js to the user's source: the last
 *  mapping at or before it; failing that, the first on its line. */
static void map_position(int *line, int *col) {
    if (mapping_count == 0 || *line <= 0) return;
    size_t lo = 0, hi = mapping_count;
    while (lo < hi) { // the first mapping after (line, col)
        size_t mid = lo + (hi - lo) / 2;
        const Mapping *m = &mappings[mid];
        if (m->gen_line < *line || (m->gen_line == *line && m->gen_col <= *col)) lo = mid + 1;
        else hi = mid;
    }
    const Mapping *best = NULL;
    if (lo > 0 && mappings[lo - 1].gen_line == *line) best = &mappings[lo - 1];
    else if (lo < mapping_count && mappings[lo].gen_line == *line) best = &mappings[lo];
    else if (lo > 0) best = &mappings[lo - 1];
    if (best) {
        *line = best->line;
        *col = best->col;
    }
}

/** Called by QuickJS for a position in the bytecode of `file` (see build.py). */
void candor_map_position(JSContext *ctx, JSAtom file, int *line, int *col) {
    if (file != JS_ATOM_NULL && file == program_atom) map_position(line, col);
}

/** Called by QuickJS for the position of a syntax error in `file` (see build.py). */
void candor_map_parse_position(const char *file, int *line, int *col) {
    if (file && strcmp(file, display_name) == 0) map_position(line, col);
}

// -- natives handed to bootstrap.js ---------------------------------------------

static JSValue js_emit(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t len;
    const char *s = JS_ToCStringLen(ctx, &len, argv[0]);
    if (!s) return JS_EXCEPTION;
    candor_emit(s, len);
    JS_FreeCString(ctx, s);
    return JS_UNDEFINED;
}

static JSValue js_write(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    int fd;
    if (JS_ToInt32(ctx, &fd, argv[0])) return JS_EXCEPTION;
    size_t len;
    const char *s = JS_ToCStringLen(ctx, &len, argv[1]);
    if (!s) return JS_EXCEPTION;
    write_all(fd == 2 ? stderr : stdout, s, len);
    JS_FreeCString(ctx, s);
    return JS_UNDEFINED;
}

static JSValue js_now(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    return JS_NewFloat64(ctx, now_ms());
}

/** Fills a Uint8Array from the sandbox's random source (WASI `random_get`, which
 *  the host makes a fixed sequence under --deterministic). */
static JSValue js_random(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    size_t len;
    uint8_t *bytes = JS_GetUint8Array(ctx, &len, argv[0]);
    if (!bytes) return JS_EXCEPTION;
    for (size_t done = 0; done < len;) {
        size_t n = len - done < 256 ? len - done : 256; // getentropy's most per call
        if (getentropy(bytes + done, n) != 0)
            return JS_ThrowInternalError(ctx, "the random source failed: %s", strerror(errno));
        done += n;
    }
    return JS_UNDEFINED;
}

static JSValue call_microtask(JSContext *ctx, int argc, JSValueConst *argv) {
    return JS_Call(ctx, argv[0], JS_UNDEFINED, 0, NULL);
}

/** queueMicrotask's job: a callback that throws is an uncaught exception, which
 *  ends the run at once, as in node (not a rejection noticed after the queue drains). */
static JSValue js_enqueue(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    if (JS_EnqueueJob(ctx, call_microtask, 1, argv) < 0) return JS_EXCEPTION;
    return JS_UNDEFINED;
}

/** Runs a script compiled by jsc.c (bootstrap.js or a lib); its completion value. */
static JSValue eval_bytecode(JSContext *ctx, const uint8_t *bytecode, size_t len) {
    JSValue fn = JS_ReadObject(ctx, bytecode, len, JS_READ_OBJ_BYTECODE);
    if (JS_IsException(fn)) return fn;
    return JS_EvalFunction(ctx, fn);
}

/** The completion value of lib/<name>.js (evaluated anew on each call), or undefined. */
static JSValue js_load(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    const char *name = JS_ToCString(ctx, argv[0]);
    if (!name) return JS_EXCEPTION;
    const struct candor_lib *lib = candor_libs;
    while (lib->name && strcmp(lib->name, name) != 0) lib++;
    JS_FreeCString(ctx, name);
    if (!lib->name) return JS_UNDEFINED;
    return eval_bytecode(ctx, lib->bytecode, lib->len);
}

// -- errors ------------------------------------------------------------------------

/** Prints `Uncaught <error>` and its (source-mapped) stack to stderr. */
static void print_uncaught(JSContext *ctx, JSValueConst error, const char *prefix) {
    JSValue fmt = JS_GetPropertyStr(ctx, harness, "formatError");
    JSValue text = JS_Call(ctx, fmt, JS_UNDEFINED, 1, &error);
    JS_FreeValue(ctx, fmt);
    const char *s = NULL;
    if (!JS_IsException(text)) s = JS_ToCString(ctx, text);
    if (!s) {
        // the formatter itself failed: fall back to the engine's own string
        JS_FreeValue(ctx, JS_GetException(ctx));
        s = JS_ToCString(ctx, error);
    }
    fprintf(stderr, "%s %s\n", prefix, s ? s : "<error>");
    fflush(stderr);
    if (s) JS_FreeCString(ctx, s);
    JS_FreeValue(ctx, text);
}

static void print_pending_exception(JSContext *ctx) {
    JSValue e = JS_GetException(ctx);
    print_uncaught(ctx, e, "Uncaught");
    JS_FreeValue(ctx, e);
}

// -- modules: there are none -----------------------------------------------------

static JSModuleDef *reject_module(JSContext *ctx, const char *name, void *opaque) {
    JSValue fn = JS_GetPropertyStr(ctx, harness, "noModules");
    char quoted[512];
    snprintf(quoted, sizeof quoted, "import \"%s\"", name);
    JSValue arg = JS_NewString(ctx, quoted);
    JSValue msg = JS_Call(ctx, fn, JS_UNDEFINED, 1, &arg);
    const char *m = JS_IsException(msg) ? NULL : JS_ToCString(ctx, msg);
    JS_ThrowPlainError(ctx, "%s", m ? m : "candor: modules are not available in the sandbox");
    if (m) JS_FreeCString(ctx, m);
    JS_FreeValue(ctx, msg);
    JS_FreeValue(ctx, arg);
    JS_FreeValue(ctx, fn);
    return NULL;
}

static char *keep_module_name(JSContext *ctx, const char *base, const char *name, void *opaque) {
    // no path resolution: the loader rejects every name anyway, and says which
    return js_strdup(ctx, name);
}

// -- promises ------------------------------------------------------------------------

static void track_rejection(JSContext *ctx, JSValueConst promise, JSValueConst reason,
                            bool is_handled, void *opaque) {
    if (JS_IsUndefined(harness)) return;
    JSValue fn = JS_GetPropertyStr(ctx, harness, "track");
    JSValueConst args[3] = { promise, reason, JS_NewBool(ctx, is_handled) };
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 3, args);
    JS_FreeValue(ctx, r);
    JS_FreeValue(ctx, fn);
}

/** Runs every pending job; false (after printing it) when one threw. */
static bool drain_jobs(JSRuntime *rt) {
    for (;;) {
        JSContext *jctx;
        int r = JS_ExecutePendingJob(rt, &jctx);
        if (r == 0) return true;
        if (r < 0) { print_pending_exception(jctx); return false; }
    }
}

/** False (after printing it) when a rejection was left unhandled. */
static bool check_unhandled(JSContext *ctx) {
    JSValue fn = JS_GetPropertyStr(ctx, harness, "takeUnhandled");
    JSValue r = JS_Call(ctx, fn, JS_UNDEFINED, 0, NULL);
    JS_FreeValue(ctx, fn);
    bool ok = true;
    if (JS_IsException(r)) {
        print_pending_exception(ctx);
        ok = false;
    } else if (!JS_IsNull(r) && !JS_IsUndefined(r)) {
        JSValue reason = JS_GetPropertyUint32(ctx, r, 0);
        print_uncaught(ctx, reason, "Uncaught (in promise)");
        JS_FreeValue(ctx, reason);
        ok = false;
    }
    JS_FreeValue(ctx, r);
    return ok;
}

/** Calls `obj[method](...args)` and returns its result as a number (-1 when
 *  it threw, which is printed, and `*failed` set). */
static double harness_call(JSContext *ctx, JSValueConst obj, const char *method, int argc,
                           JSValueConst *argv, bool *failed) {
    JSValue fn = JS_GetPropertyStr(ctx, obj, method);
    JSValue r = JS_Call(ctx, fn, obj, argc, argv);
    JS_FreeValue(ctx, fn);
    double d = -1;
    if (JS_IsException(r)) { print_pending_exception(ctx); *failed = true; }
    else JS_ToFloat64(ctx, &d, r);
    JS_FreeValue(ctx, r);
    return d;
}

static double harness_number(JSContext *ctx, JSValueConst obj, const char *method, bool *failed) {
    return harness_call(ctx, obj, method, 0, NULL, failed);
}

/** `obj[method](n)` as a number (see harness_call). */
static double harness_number_of(JSContext *ctx, JSValueConst obj, const char *method, int n,
                                bool *failed) {
    JSValue arg = JS_NewInt32(ctx, n);
    return harness_call(ctx, obj, method, 1, &arg, failed);
}

static void sleep_ms(double wait) {
    time_t secs = (time_t)(wait / 1000);
    struct timespec ts = { secs, (long)((wait - (double)secs * 1000) * 1e6) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

/**
 * The event loop: jobs, then due timers, until nothing is left. Returns the exit
 * status: 0, or 1 after an uncaught error. `top` is the module's evaluation
 * promise (or undefined for a script).
 */
static int event_loop(JSContext *ctx, JSValueConst top) {
    JSRuntime *rt = JS_GetRuntime(ctx);
    JSValue loop = JS_GetPropertyStr(ctx, harness, "loop");
    int status = 0;
    for (;;) {
        if (!drain_jobs(rt)) { status = 1; break; }
        if (JS_PromiseState(ctx, top) == JS_PROMISE_REJECTED) {
            JSValue reason = JS_PromiseResult(ctx, top);
            print_uncaught(ctx, reason, "Uncaught");
            JS_FreeValue(ctx, reason);
            status = 1;
            break;
        }
        if (!check_unhandled(ctx)) { status = 1; break; }
        bool failed = false;
        double wait = harness_number(ctx, loop, "next", &failed);
        if (failed) { status = 1; break; }
        if (wait < 0) break;
        if (wait > 0) {
            // a timer far ahead sleeps (the wall-clock limit ends the run);
            // an hour at a time, then the loop asks again
            sleep_ms(wait <= 3600e3 ? wait : 3600e3);
        }
        JSValue fn = JS_GetPropertyStr(ctx, loop, "fire");
        JSValue r = JS_Call(ctx, fn, loop, 0, NULL);
        JS_FreeValue(ctx, fn);
        if (JS_IsException(r)) { print_pending_exception(ctx); status = 1; JS_FreeValue(ctx, r); break; }
        JS_FreeValue(ctx, r);
    }
    JS_FreeValue(ctx, loop);
    if (status == 0 && JS_PromiseState(ctx, top) == JS_PROMISE_PENDING) {
        fprintf(stderr, "Warning: Detected unsettled top-level await in %s\n", display_name);
        status = 13;
    }
    return status;
}

// -- probe calls ---------------------------------------------------------------------------

// How long the timers of one probe call may keep it waiting, and those of all
// the calls together: a call whose promise has not settled within what is left
// of either is given up, and the next one made (a run of many slow async
// functions stays well inside the run's wall-clock limit).
#define PROBE_WAIT_MS 1000.0
#define PROBE_TOTAL_WAIT_MS 3000.0

/** Runs every pending job; an error one throws is the probe call's, not the run's. */
static void drain_jobs_quietly(JSRuntime *rt) {
    for (;;) {
        JSContext *jctx;
        int r = JS_ExecutePendingJob(rt, &jctx);
        if (r == 0) return;
        if (r < 0) JS_FreeValue(jctx, JS_GetException(jctx));
    }
}

/** The memory of the run kept, and put back after each probe call (the
 *  host's `candor.snapshot`/`candor.restore`, src/sandbox/memory_snapshot.rs). */
__attribute__((import_module("candor"), import_name("snapshot")))
int candor_snapshot(void);
__attribute__((import_module("candor"), import_name("restore")))
int candor_restore(uintptr_t live);

// The end of the static data (wasm-ld's symbol).
extern unsigned char __data_end;

/** Where the part of the stack no frame uses (below this one's) ends: the
 *  host need not put that part back. 0 unless the stack lies below the
 *  static data (the linker's stack-first layout), where nothing else is. */
__attribute__((noinline)) static uintptr_t unused_stack_end(void) {
    uintptr_t frame = (uintptr_t)__builtin_frame_address(0);
    return frame < (uintptr_t)&__data_end ? frame : 0;
}

/** Runs probe call `i`, its jobs, and its timers while what it returned is
 *  pending (the calls before it having waited `total` ms), then ends it.
 *  Returns the ms it waited, or -1 when no call is left to make or the
 *  harness failed. */
static double probe_call(JSContext *ctx, JSValueConst probe, JSValueConst loop, int i,
                         double total) {
    JSRuntime *rt = JS_GetRuntime(ctx);
    bool failed = false;
    double started = harness_number_of(ctx, probe, "start", i, &failed);
    if (started < 0 || failed) return -1;
    if (started == 2) return 0; // its arguments could not be made: no call
    double waited = 0;
    for (;;) {
        drain_jobs_quietly(rt);
        if (harness_number(ctx, probe, "settled", &failed) > 0 || failed) break;
        double wait = harness_number(ctx, loop, "next", &failed);
        if (failed || wait < 0 || waited + wait > PROBE_WAIT_MS ||
            total + waited + wait > PROBE_TOTAL_WAIT_MS)
            break;
        if (wait > 0) sleep_ms(wait);
        waited += wait;
        JSValue fn = JS_GetPropertyStr(ctx, loop, "fire");
        JSValue r = JS_Call(ctx, fn, loop, 0, NULL);
        JS_FreeValue(ctx, fn);
        if (JS_IsException(r)) JS_FreeValue(ctx, JS_GetException(ctx));
        JS_FreeValue(ctx, r);
    }
    if (failed) return -1;
    harness_number(ctx, probe, "end", &failed);
    return failed ? -1 : waited;
}

/**
 * A probe run (`candor probe`), once the snippet's own run completed: the
 * harness lists the calls of the snippet's functions with edge-case inputs
 * (`probe.list`), and the runner makes them one at a time (`probe_call`). A
 * snippet whose program did not ask for calls (`hook.explore`) has none. What
 * the calls print, throw or leave behind does not change the run's exit
 * status.
 *
 * Each call starts from the state the program left: the memory is kept once
 * the calls are listed and put back after each call, so that a call that
 * changes the snippet's variables (a top-level `let`, a cache, a counter)
 * does not change what a later call sees. The index of the call and the
 * waiting done are this function's locals, which live outside the memory
 * (they are never address-taken), and everything the host was sent is out
 * before each restore. Memory cannot shrink, and the allocator's record
 * of what it grew goes back with the rest: what a call grew is not used
 * again, so the host stops the calls once they grew it too far past what was
 * kept (`candor_restore` returns 0).
 */
static void explore(JSContext *ctx) {
    JSValue probe = JS_GetPropertyStr(ctx, harness, "probe");
    JSValue loop = JS_GetPropertyStr(ctx, harness, "loop");
    bool failed = false;
    int count = (int)harness_number(ctx, probe, "list", &failed);
    if (!failed && count > 0) {
        fflush(stdout);
        fflush(stderr);
        bool reset = candor_snapshot() != 0;
        if (!reset) harness_number(ctx, probe, "shared", &failed);
        double total = 0;
        for (int i = 0; i < count && !failed; i++) {
            double waited = probe_call(ctx, probe, loop, i, total);
            if (waited < 0) break;
            total += waited;
            fflush(stdout);
            fflush(stderr);
            if (reset && !candor_restore(unused_stack_end())) {
                // the calls grew the memory too far: those left are counted
                harness_number_of(ctx, probe, "stop", i + 1, &failed);
                break;
            }
        }
    }
    JS_FreeValue(ctx, loop);
    JS_FreeValue(ctx, probe);
}

// -- setup -------------------------------------------------------------------------------

static int define_global(JSContext *ctx, JSValueConst global, const char *name,
                         const char *from, int flags) {
    JSValue v = JS_GetPropertyStr(ctx, harness, from);
    return JS_DefinePropertyValueStr(ctx, global, name, v, flags);
}

/** True when `name` is a plain identifier (letters, digits, `_`, `$`; no digit first). */
static bool plain_identifier(const char *name) {
    if (!name || !*name || (*name >= '0' && *name <= '9')) return false;
    for (const char *c = name; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '_' || *c == '$';
        if (!ok) return false;
    }
    return strlen(name) < 128;
}

// -- hiding the hook's name --------------------------------------------------------
//
// Two things could tell the snippet the name the host made up for the hook: the
// text of its own (rewritten) functions, and the functions of the harness's
// frames, which the call sites of `Error.prepareStackTrace` hand out. Both
// methods are replaced by native ones (native: no JavaScript to parse per run).

static char hook_name[128];
static JSValue original_to_string = JS_UNDEFINED;  // Function.prototype.toString
static JSValue callsite_file_name = JS_UNDEFINED;  // CallSite.prototype.getFileName
static JSValue callsite_function = JS_UNDEFINED;   // CallSite.prototype.getFunction

/** Function.prototype.toString, with the hook's name written `__candor`. */
static JSValue js_to_string(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSValue text = JS_Call(ctx, original_to_string, this_val, 0, NULL);
    size_t name_len = strlen(hook_name), len;
    if (JS_IsException(text) || name_len == 0) return text;
    const char *s = JS_ToCStringLen(ctx, &len, text);
    if (!s) { JS_FreeValue(ctx, text); return JS_EXCEPTION; }
    char *out = NULL;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (i + name_len <= len && memcmp(s + i, hook_name, name_len) == 0) {
            if (!out && !(out = malloc(len + 1))) break;
            if (n == 0 && i > 0) { memcpy(out, s, i); n = i; }
            memcpy(out + n, "__candor", 8);
            n += 8;
            i += name_len;
        } else {
            if (out) out[n++] = s[i];
            i++;
        }
    }
    JSValue result = text;
    if (out) {
        result = JS_NewStringLen(ctx, out, n);
        JS_FreeValue(ctx, text);
        free(out);
    }
    JS_FreeCString(ctx, s);
    return result;
}

/** CallSite.prototype.getFunction, which gives nothing for the harness's own frames. */
static JSValue js_callsite_get_function(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    JSValue file = JS_Call(ctx, callsite_file_name, this_val, 0, NULL);
    if (JS_IsException(file)) return file;
    const char *f = JS_IsString(file) ? JS_ToCString(ctx, file) : NULL;
    bool harness_frame = f && strcmp(f, "<candor>") == 0;
    if (f) JS_FreeCString(ctx, f);
    JS_FreeValue(ctx, file);
    if (harness_frame) return JS_UNDEFINED;
    return JS_Call(ctx, callsite_function, this_val, 0, NULL);
}

static JSValue js_call_sites(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv) {
    return argc > 1 ? JS_DupValue(ctx, argv[1]) : JS_UNDEFINED;
}

/** Puts native `fn` in place of `obj[name]` (writable, configurable, not
 *  enumerable, as builtins' methods are); the original goes to `*original`. */
static bool replace_method(JSContext *ctx, JSValueConst obj, const char *name, JSCFunction *fn,
                           JSValue *original) {
    *original = JS_GetPropertyStr(ctx, obj, name);
    if (JS_IsException(*original)) return false;
    return JS_DefinePropertyValueStr(ctx, obj, name, JS_NewCFunction(ctx, fn, name, 0),
                                     JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE) >= 0;
}

/** Replaces the two methods that could tell the hook's name (see above). */
static bool hide_hook_name(JSContext *ctx, JSValueConst global, const char *name) {
    snprintf(hook_name, sizeof hook_name, "%s", name);
    JSValue function = JS_GetPropertyStr(ctx, global, "Function");
    JSValue function_proto = JS_GetPropertyStr(ctx, function, "prototype");
    bool ok = replace_method(ctx, function_proto, "toString", js_to_string, &original_to_string);
    JS_FreeValue(ctx, function_proto);
    JS_FreeValue(ctx, function);
    // a call site to find CallSite.prototype by: a stack prepared as its sites
    JSValue error = JS_GetPropertyStr(ctx, global, "Error");
    JSValue saved = JS_GetPropertyStr(ctx, error, "prepareStackTrace");
    JS_SetPropertyStr(ctx, error, "prepareStackTrace", JS_NewCFunction(ctx, js_call_sites, "sites", 2));
    static const char probe[] = "new Error().stack";
    JSValue sites = JS_Eval(ctx, probe, sizeof probe - 1, "<candor>", JS_EVAL_TYPE_GLOBAL);
    JS_SetPropertyStr(ctx, error, "prepareStackTrace", saved);
    JS_FreeValue(ctx, error);
    JSValue site = JS_IsException(sites) ? JS_UNDEFINED : JS_GetPropertyUint32(ctx, sites, 0);
    if (JS_IsObject(site)) {
        JSValue proto = JS_GetPrototype(ctx, site);
        callsite_file_name = JS_GetPropertyStr(ctx, proto, "getFileName");
        ok &= replace_method(ctx, proto, "getFunction", js_callsite_get_function, &callsite_function);
        JS_FreeValue(ctx, proto);
    } else {
        ok = false;
    }
    JS_FreeValue(ctx, site);
    JS_FreeValue(ctx, sites);
    return ok;
}

/**
 * Binds the hook object as `const <name>` in the global lexical scope: no
 * property of globalThis, so the snippet can neither list it nor reach it
 * without its name. A script of its own declares it, taking the object from a
 * property that the same script deletes.
 */
static bool bind_hook(JSContext *ctx, JSValueConst global, const char *name) {
    if (JS_DefinePropertyValueStr(ctx, global, "__candor_hook_once",
                                  JS_GetPropertyStr(ctx, harness, "hook"), JS_PROP_CONFIGURABLE) < 0)
        return false;
    char script[320];
    int n = snprintf(script, sizeof script,
                     "const %s = globalThis.__candor_hook_once; delete globalThis.__candor_hook_once;",
                     name);
    JSValue r = JS_Eval(ctx, script, (size_t)n, "<candor>", JS_EVAL_TYPE_GLOBAL);
    bool ok = !JS_IsException(r);
    JS_FreeValue(ctx, r);
    return ok;
}

/**
 * A script is a CommonJS module, as node runs a `.js` file: `module` (whose
 * `exports` is also `exports`) and `require.main === module`, so that
 * `module.exports = {...}` and `if (require.main === module) main();` work.
 * They are configurable globals, which a snippet's own `const module` shadows.
 */
static bool define_commonjs(JSContext *ctx) {
    static const char make[] = "({ exports: {}, id: '.', loaded: false, children: [], paths: [] })";
    JSValue module = JS_Eval(ctx, make, sizeof make - 1, "<candor>", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(module)) return false;
    JSValue global = JS_GetGlobalObject(ctx);
    const int normal = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE;
    int failed = JS_DefinePropertyValueStr(ctx, global, "exports",
                                           JS_GetPropertyStr(ctx, module, "exports"), normal) < 0;
    JSValue require = JS_GetPropertyStr(ctx, global, "require");
    failed |= JS_SetPropertyStr(ctx, require, "main", JS_DupValue(ctx, module)) < 0;
    JS_FreeValue(ctx, require);
    failed |= JS_DefinePropertyValueStr(ctx, global, "module", module, normal) < 0;
    JS_FreeValue(ctx, global);
    return !failed;
}

/** Evaluates bootstrap.js and installs the globals it provides; false on failure. */
static bool install_harness(JSContext *ctx, const char *source, const char *hook) {
    JSValue setup = eval_bytecode(ctx, candor_bootstrap, sizeof candor_bootstrap);
    if (JS_IsException(setup)) return false;
    JSValue native = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, native, "emit", JS_NewCFunction(ctx, js_emit, "emit", 1));
    JS_SetPropertyStr(ctx, native, "write", JS_NewCFunction(ctx, js_write, "write", 2));
    JS_SetPropertyStr(ctx, native, "now", JS_NewCFunction(ctx, js_now, "now", 0));
    JS_SetPropertyStr(ctx, native, "random", JS_NewCFunction(ctx, js_random, "random", 1));
    JS_SetPropertyStr(ctx, native, "load", JS_NewCFunction(ctx, js_load, "load", 1));
    JS_SetPropertyStr(ctx, native, "enqueue", JS_NewCFunction(ctx, js_enqueue, "enqueue", 1));
    JS_SetPropertyStr(ctx, native, "file", JS_NewString(ctx, display_name));
    JS_SetPropertyStr(ctx, native, "version", JS_NewString(ctx, JS_GetVersion()));
    if (source) JS_SetPropertyStr(ctx, native, "source", JS_NewString(ctx, source));
    harness = JS_Call(ctx, setup, JS_UNDEFINED, 1, (JSValueConst *)&native);
    JS_FreeValue(ctx, native);
    JS_FreeValue(ctx, setup);
    if (JS_IsException(harness)) { harness = JS_UNDEFINED; return false; }

    JSValue global = JS_GetGlobalObject(ctx);
    const int normal = JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE;
    int failed = 0;
    if (hook) failed |= !bind_hook(ctx, global, hook) || !hide_hook_name(ctx, global, hook);
    static const char *const plain[] = { "console", "require" };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        failed |= define_global(ctx, global, plain[i], plain[i], normal) < 0;
    // enumerable, as node's are
    static const char *const listed[] = {
        "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask",
    };
    for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++)
        failed |= define_global(ctx, global, listed[i], listed[i], normal | JS_PROP_ENUMERABLE) < 0;
    JS_FreeValue(ctx, global);
    return !failed;
}

int main(int argc, char **argv) {
    if (argc < 3 || (strcmp(argv[1], "module") != 0 && strcmp(argv[1], "script") != 0)) {
        fprintf(stderr, "usage: %s <module|script> <display-name>\n", argc ? argv[0] : "runner");
        return 2;
    }
    bool as_module = strcmp(argv[1], "module") == 0;
    display_name = argv[2];

    size_t len = 0;
    char *program = read_file(PROGRAM_DIR "/program.js", &len);
    if (!program) {
        fprintf(stderr, "candor runner: cannot read " PROGRAM_DIR "/program.js: %s\n", strerror(errno));
        return 2;
    }
    char *source = read_file(PROGRAM_DIR "/source", NULL);
    char *map = read_file(PROGRAM_DIR "/map", NULL);
    char *hook = read_file(PROGRAM_DIR "/hook", NULL);
    if (hook && !plain_identifier(hook)) {
        fprintf(stderr, "candor runner: " PROGRAM_DIR "/hook is not a plain identifier\n");
        return 2;
    }

    JSRuntime *rt = JS_NewRuntime();
    JSContext *ctx = rt ? JS_NewContext(rt) : NULL;
    if (!ctx) {
        fprintf(stderr, "candor runner: cannot create the JavaScript runtime\n");
        return 70;
    }
    JS_SetMaxStackSize(rt, JS_STACK_LIMIT);
    JS_SetModuleLoaderFunc(rt, keep_module_name, reject_module, NULL);
    JS_SetHostPromiseRejectionTracker(rt, track_rejection, NULL);

    program_atom = JS_NewAtom(ctx, display_name);
    load_map(map);
    if (!install_harness(ctx, source, hook)) {
        fprintf(stderr, "candor runner: the harness failed to start\n");
        print_pending_exception(ctx);
        return 70;
    }
    free(source);
    free(map);
    free(hook);
    if (!as_module && !define_commonjs(ctx)) {
        fprintf(stderr, "candor runner: the CommonJS globals could not be defined\n");
        print_pending_exception(ctx);
        return 70;
    }

    int flags = as_module ? JS_EVAL_TYPE_MODULE : JS_EVAL_TYPE_GLOBAL;
    JSValue result = JS_Eval(ctx, program, len, display_name, flags);
    free(program);
    int status;
    if (JS_IsException(result)) {
        print_pending_exception(ctx);
        status = 1;
    } else {
        // a module's evaluation yields a promise (top-level await); a script's
        // completion value is not a promise and is ignored
        JSValue top = as_module ? JS_DupValue(ctx, result) : JS_UNDEFINED;
        status = event_loop(ctx, top);
        JS_FreeValue(ctx, top);
        if (status == 0) explore(ctx);
    }
    JS_FreeValue(ctx, result);
    // repeated facts not sent yet
    JSValue flush = JS_GetPropertyStr(ctx, harness, "flush");
    JS_FreeValue(ctx, JS_Call(ctx, flush, JS_UNDEFINED, 0, NULL));
    JS_FreeValue(ctx, flush);
    fflush(stdout);
    fflush(stderr);
    // the process ends here: freeing the runtime would only cost time
    return status;
}

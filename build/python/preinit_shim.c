/*
 * Pins what componentize-py's pre-initialisation reads from the host, so that
 * two builds of the Python guest snapshot the same interpreter state.
 * `build/python/reproducible.rs` compiles this into a shared library and loads it
 * into componentize-py with LD_PRELOAD (Linux with glibc only).
 *
 * componentize-py runs CPython inside wasmtime to pre-initialise it, then
 * keeps the guest's whole linear memory. Through WASI the guest reads the
 * host's randomness (CPython's str hash secret and `random`'s state, and
 * through them the order and addresses of everything allocated), clocks and
 * file timestamps (importlib keeps directory mtimes); componentize-py offers
 * no option to fix them. wasmtime-wasi gets them from these libc calls,
 * interposed here:
 *
 * - getrandom / getentropy: every call returns the same bytes for the same
 *   length (a fixed SplitMix64 stream), whichever thread asks first;
 * - clock_gettime: CLOCK_REALTIME[_COARSE] reads CANDOR_BUILD_EPOCH seconds;
 *   CLOCK_MONOTONIC advances a microsecond per reading, counted per thread:
 *   the guest runs on one thread and reads the same sequence on every build
 *   (the guest keeps some readings: the start of the emulated process clock,
 *   which `time.process_time()` subtracts at run time, and CPython's timing
 *   statistics), and a host thread waiting for a deadline still sees time
 *   pass;
 * - statx: access, birth, change and modification times CANDOR_BUILD_EPOCH.
 *
 * What stays host-dependent is listed in README ("Reproducible runtimes").
 * The library is loaded into the build tool only: nothing of it reaches the
 * runtime, whose randomness and clocks come from the sandbox at run time.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static void fixed_bytes(void *buf, size_t len) {
    uint64_t state = 0x63616e646f72; /* "candor" */
    unsigned char *out = buf;
    for (size_t i = 0; i < len; i += 8) {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        for (size_t j = 0; j < 8 && i + j < len; j++) {
            out[i + j] = (unsigned char)(z >> (8 * j));
        }
    }
}

ssize_t getrandom(void *buf, size_t len, unsigned int flags) {
    (void)flags;
    fixed_bytes(buf, len);
    return (ssize_t)len;
}

int getentropy(void *buf, size_t len) {
    fixed_bytes(buf, len);
    return 0;
}

/* where the monotonic clock starts, in seconds */
#define MONOTONIC_START 1000

static time_t build_epoch(void) {
    const char *text = getenv("CANDOR_BUILD_EPOCH");
    return text ? (time_t)strtoll(text, NULL, 10) : 0;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
    static int (*real)(clockid_t, struct timespec *);
    if (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE) {
        ts->tv_sec = build_epoch();
        ts->tv_nsec = 0;
        return 0;
    }
    if (clock == CLOCK_MONOTONIC) {
        static __thread unsigned long long ticks;
        unsigned long long micros = ++ticks;
        ts->tv_sec = MONOTONIC_START + (time_t)(micros / 1000000);
        ts->tv_nsec = (long)(micros % 1000000) * 1000;
        return 0;
    }
    if (!real) {
        real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    }
    return real(clock, ts);
}

int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf) {
    static int (*real)(int, const char *, int, unsigned int, struct statx *);
    if (!real) {
        real = (int (*)(int, const char *, int, unsigned int, struct statx *))dlsym(RTLD_NEXT, "statx");
    }
    int result = real ? real(dirfd, path, flags, mask, buf)
                      : (int)syscall(SYS_statx, dirfd, path, flags, mask, buf);
    if (result == 0) {
        struct statx_timestamp fixed = {.tv_sec = build_epoch(), .tv_nsec = 0};
        buf->stx_atime = fixed;
        buf->stx_btime = fixed;
        buf->stx_ctime = fixed;
        buf->stx_mtime = fixed;
    }
    return result;
}

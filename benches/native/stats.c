/* A 100-line C program for the native benchmark: parses numbers, sorts
 * them, computes statistics, and runs a small CPU-bound kernel whose size
 * comes from argv[1] (default 200). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUES 4096

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double mean(const double *v, int n) {
    double total = 0;
    for (int i = 0; i < n; i++) total += v[i];
    return n ? total / n : 0;
}

static double stddev(const double *v, int n) {
    double m = mean(v, n), acc = 0;
    for (int i = 0; i < n; i++) acc += (v[i] - m) * (v[i] - m);
    return n > 1 ? sqrt(acc / (n - 1)) : 0;
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, compare_doubles);
    if (n == 0) return 0;
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* A deterministic generator, so native and sandboxed runs see the same data. */
static unsigned long long state = 88172645463325252ULL;
static unsigned long long next_random(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static int parse_values(const char *text, double *out, int max) {
    int n = 0;
    const char *p = text;
    char *end;
    while (*p && n < max) {
        double x = strtod(p, &end);
        if (end == p) {
            p++;
            continue;
        }
        out[n++] = x;
        p = end;
    }
    return n;
}

/* Multiplies two size x size matrices of small integers: the CPU-bound part. */
static long long matrix_kernel(int size) {
    int *a = malloc(sizeof(int) * size * size);
    int *b = malloc(sizeof(int) * size * size);
    long long *c = calloc((size_t)size * size, sizeof(long long));
    if (!a || !b || !c) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (int i = 0; i < size * size; i++) {
        a[i] = (int)(next_random() % 100);
        b[i] = (int)(next_random() % 100);
    }
    for (int i = 0; i < size; i++)
        for (int k = 0; k < size; k++) {
            long long aik = a[i * size + k];
            for (int j = 0; j < size; j++) c[i * size + j] += aik * b[k * size + j];
        }
    long long trace = 0;
    for (int i = 0; i < size; i++) trace += c[i * size + i];
    free(a);
    free(b);
    free(c);
    return trace;
}

int main(int argc, char **argv) {
    int size = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 200;
    char text[MAX_VALUES * 8];
    size_t used = 0;
    for (int i = 0; i < 2000; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%llu ",
                                 next_random() % 100000);
    double values[MAX_VALUES];
    int n = parse_values(text, values, MAX_VALUES);
    printf("n=%d mean=%.2f sd=%.2f", n, mean(values, n), stddev(values, n));
    printf(" median=%.1f\n", median(values, n));
    printf("trace=%lld\n", matrix_kernel(size));
    return 0;
}

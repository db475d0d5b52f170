# a CPU-bound script: a prime sieve to two million and some digit sums (about a second natively)
def sieve(n):
    is_prime = bytearray([1]) * (n + 1)
    is_prime[0:2] = b"\x00\x00"
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = bytes(len(range(i * i, n + 1, i)))
    return [i for i, p in enumerate(is_prime) if p]

primes = sieve(2_000_000)
print(len(primes), primes[-1], sum(primes) % 1_000_007)
print(sum(int(d) for p in primes[:10000] for d in str(p)))

def collatz_len(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print(max(range(1, 30_000), key=collatz_len))

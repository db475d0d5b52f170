// CPU-bound work: naive fibonacci, a prime sieve and string building (a fraction of a second on node)
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(24));
const N = 300000;
const sieve = new Uint8Array(N + 1);
let count = 0, last = 0;
for (let i = 2; i <= N; i++) {
  if (!sieve[i]) { count++; last = i; for (let j = i * i; j <= N; j += i) sieve[j] = 1; }
}
console.log(count, last);
let s = "";
for (let i = 0; i < 20000; i++) s += String.fromCharCode(97 + (i % 26));
console.log(s.length, s.slice(-5));
const arr = Array.from({ length: 100000 }, (_, i) => (i * 7919) % 100003);
arr.sort((a, b) => a - b);
console.log(arr[0], arr[50000], arr.at(-1));

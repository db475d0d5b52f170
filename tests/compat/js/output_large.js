// output: 600 000 bytes on stdout over 10 000 console.log calls
const line = "0123456789".repeat(5) + "abcdefghi";
for (let i = 0; i < 10000; i++) console.log(line);

// plain recursion to depth 10 000 (node's default stack allows about 10 800 such frames)
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
console.log(depth(10000));

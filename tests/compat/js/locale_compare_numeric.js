// localeCompare with { numeric: true } and sensitivity options: natural sorting of file names
const files = ["file10.txt", "file2.txt", "file1.txt", "File3.txt", "file20.txt"];
console.log(files.slice().sort().join(","));
console.log(files.slice().sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).join(","));
console.log(files.slice().sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })).join(","));
console.log("a".localeCompare("A", undefined, { sensitivity: "base" }), "2".localeCompare("10", undefined, { numeric: true }), "2".localeCompare("10"));
const versions = ["1.10.0", "1.2.0", "1.9.3"];
console.log(versions.sort((a, b) => a.localeCompare(b, undefined, { numeric: true })).join(" < "));

// numbers: toFixed, toPrecision, toString(radix), parsing, Number statics, float edge cases
console.log((1.005).toFixed(2), (1234.5678).toFixed(1), (0.000001234).toPrecision(2), (123.456).toPrecision(4), (1e21).toFixed(2));
console.log((255).toString(16), (255).toString(2), (0.5).toString(2), (-7.25).toString(8), (35).toString(36));
console.log(parseInt("42px"), parseInt("0x1F"), parseInt("08"), parseInt("z", 36), parseFloat("3.14abc"), parseFloat(".5e1"), Number(""), Number(" 12 "), Number("1_000"));
console.log(Number.MAX_SAFE_INTEGER, Number.EPSILON, Number.MIN_VALUE, Number.MAX_VALUE, Number.isSafeInteger(2 ** 53), Number.isInteger(5.0));
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON, 9007199254740993, 1 / 3, 2 / 3, 100 / 3);
console.log(1e21, 1e-7, 123e-20, 2 ** 53 + 1, -1e-7, 1 / 0, -1 / 0, 0 / 0, 5 % -3, -5 % 3, 2 ** -1074);
console.log(Number("0b101"), Number("0o17"), +"3e2", +[], +{}, +[5], +"", +" ", +"\n", Number(null), Number(undefined), Number(true));
console.log((25).toExponential(), (123456).toExponential(2), (1e-10).toFixed(3), (-1.5).toFixed(0), (2.5).toFixed(0), Math.round(-1.5), Math.round(2.5));
console.log(String(1234567890123456789), String(0.000001), String(1e-7), (123.0).toString(), 5e-324, 1.7976931348623157e308 * 10);

// util.inspect details that follow Node: a stylize option, arguments objects, arrays whose
// prototype has no iterator, typed arrays without a prototype, compact mode's wide values, a
// nesting too deep for the stack, and stack frames with colors.
const util = require('util');
console.log(util.inspect([1, 2, 3], { stylize() { return 'x'; } }));
console.log(util.inspect((function () { return arguments; })('a', 1)), util.inspect((function () { return arguments; })()));
const numbers = [1, 2, 3];
Object.setPrototypeOf(numbers, Number.prototype);
console.log(util.inspect(numbers));
console.log(util.inspect(Object.setPrototypeOf(new Uint8Array(2), null)));
const err = new Error('foo');
err.stack = 'Error: foo';
err.bar = true;
console.log(JSON.stringify(util.inspect(err, { compact: true, breakLength: 1 })));
console.log(JSON.stringify(util.inspect({ a: 'a long enough string' }, { compact: true, breakLength: 10 })));
const list = {};
let head = list;
for (let i = 0; i < 100000; i++) head = head.next = {};
console.log(util.inspect(list, { depth: Infinity }).includes('[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]'));
const framed = new Error('frames');
framed.stack = [
  'Error: frames',
  '    at readFile (node:fs:1:1)',
  '    at run (/srv/app/node_modules/pkg/index.js:2:3)',
  `    at main (${process.cwd()}/x.js:4:5)`,
].join('\n');
console.log(JSON.stringify(util.inspect(framed, { colors: true })).replaceAll(process.cwd(), '<cwd>'));
const big = Array.from({ length: 101 }, (_, i) => i);
console.log(util.inspect(big).split('\n').length);
console.log(util.inspect(['123', '123', 'あああ', '123', '123', '123', '123', '123', 'あああ', '123']));

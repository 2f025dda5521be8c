// util.format: each specifier, -0, BigInt and Symbol arguments, '%%', specifiers without an
// argument, extra arguments, and console.log's own use of it.
const util = require('util');
const f = (...a) => console.log(JSON.stringify(util.format(...a)));
f('%s %s %s', 'str', 42, -0);
f('%s', 12n); f('%s', Symbol('sym')); f('%s', { a: { b: { c: 1 } } }); f('%s', { toString() { return 'custom'; } });
f('%s', new Error('e').message); f('%s', [1, [2, [3]]]);
f('%d %d %d %d', '42', -0, 10n, Symbol('x'));
f('%i %i %i', 42.9, '-3.7', 5n);
f('%f %f', '3.25abc', Symbol('x'));
f('%j', { a: 1 }); const c = {}; c.c = c; f('%j', c);
f('%o', { fn() {} }); f('%O', { a: { b: { c: { d: 1 } } } });
f('%c%s', 'color: red', 'styled');
f('100%% %s', 'done'); f('%%'); f('%s %s', 'only'); f('%x %s', 'a'); f('a', 'b', 3, { c: 1 });
f(42, 'x'); f(); f('%s', null, undefined, 'extra');
f('%d', 1180591620717411303424);
console.log('function', 1);
console.log('%s is %d years', 'Bob', 42, 'extra');
console.log(util.formatWithOptions({ colors: true }, '%O', 1));
try { util.formatWithOptions(null, 'x'); } catch (e) { console.log(e.code); }

// util.inspect on what Node's tests check most: prototypes and tags, accessors, symbols,
// hidden keys, circular references, typed arrays and buffers, boxed primitives, errors with
// extra properties and causes, functions and classes, and the layout options.
const util = require('util');
const show = (v, o) => console.log(util.inspect(v, o));
show(Object.create(null));
show(Object.assign(Object.create(null), { a: 1 }));
class Foo { get [Symbol.toStringTag]() { return 'bar'; } }
show(new Foo());
class Bar { constructor() { this.x = 1; } get y() { return this.x + 1; } set y(v) {} }
show(new Bar(), { showHidden: true, getters: true });
show({ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} });
show({ get a() { return { n: 1 }; } }, { getters: true });
show({ [Symbol('s')]: 1, [Symbol()]: 2 });
show([1, 2, 3], { showHidden: true });
const circ = { name: 'c', list: [] };
circ.self = circ; circ.list.push(circ);
show(circ);
show(new Map([['a', 1], [{ k: 1 }, [2]]]));
show(new Set([1, 'two']));
show(new WeakMap());
show(new Uint8Array([1, 2, 3]));
show(new ArrayBuffer(3));
show(new DataView(new ArrayBuffer(2), 1));
show(new Float64Array(2), { showHidden: true });
show([new Number(3), new Number(-0), new String('ab'), new Boolean(false), Object(Symbol('s')), Object(5n)]);
show(-0); show([-0, 0n, 1_000_000], { numericSeparator: true }); show(1234.5678, { numericSeparator: true });
const noStack = new RangeError('no stack'); noStack.stack = undefined; delete noStack.stack;
show(noStack);
noStack.extra = 1; noStack.cause = 'why';
show(noStack);
show([function named() {}, () => {}, async function af() {}, function* gen() {}, async function* ag() {}, class A {}, class B extends Array {}]);
show(Object.assign(function f() {}, { prop: 1 }));
show('x'.repeat(20), { maxStringLength: 5 });
show(Array.from({ length: 120 }, (_, i) => i), { maxArrayLength: 3 });
show([1, , , 4, , 6]);
show({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true });
show({ a: { b: { c: { d: {} } } } }, { depth: 0 });
show({ a: { b: { c: { d: 1 } } } }, { depth: null });
show({ a: [1, 2, 3], b: 'text' }, { compact: false });
show({ a: [1, 2, 3], b: 'text' }, { compact: true });
show({ a: 1 }, { colors: true });
show("it's \"quoted\" \n and `ticked`");
show({ 'key-with-dash': 1, valid_key: 2, 3: 'num' });
show({ [util.inspect.custom](depth, options, inspect) { return `custom depth=${depth} ${typeof options.stylize} ${inspect === util.inspect}`; } });
show({ inner: { [util.inspect.custom]() { return { replaced: true }; } } });
show(util.inspect(new Foo(), { customInspect: false }));
console.log(util.inspect.defaultOptions.depth, Object.keys(util.inspect.defaultOptions).join());

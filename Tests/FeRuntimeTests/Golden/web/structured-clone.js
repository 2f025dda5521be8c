// structuredClone: deep copies of the cloneable types, cycles, and DataCloneError for the rest.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, typeof e.code === 'string' ? '(Node 18 and 20 word it differently)' : e.message, e instanceof DOMException); }
};
const src = { n: 1, s: 'x', b: true, u: undefined, z: null, big: 10n, neg0: -0, arr: [1, { deep: [2] }], d: new Date(0) };
t('plain data', () => structuredClone(src));
t('is a copy', () => { const c = structuredClone(src); return [c !== src, c.arr !== src.arr, c.arr[1].deep !== src.arr[1].deep, Object.is(c.neg0, -0)]; });
t('primitives', () => [structuredClone(1), structuredClone('s'), structuredClone(null), structuredClone(undefined), structuredClone(5n)]);
t('Map and Set', () => structuredClone(new Map([[{ k: 1 }, new Set([1, 'two', [3]])]])));
t('Map subclass becomes Map', () => { const c = structuredClone(new (class M extends Map {})([[1, 2]])); return [c.constructor.name, c]; });
t('RegExp (lastIndex reset)', () => { const r = /ab+c/gi; r.lastIndex = 2; const c = structuredClone(r); return [c, c.lastIndex, c !== r]; });
t('Date', () => { const d = new Date(86400000); const c = structuredClone(d); return [c, c !== d, c instanceof Date]; });
t('boxed primitives', () => structuredClone([new Number(3), new String('s'), new Boolean(false), Object(1n)]));
t('typed arrays', () => [structuredClone(new Uint16Array([1, 65535])), structuredClone(new Float64Array([0.5]))]);
t('Buffer becomes Uint8Array', () => structuredClone(Buffer.from('hi')));
t('ArrayBuffer copied', () => { const ab = new Uint8Array([1, 2]).buffer; const c = structuredClone(ab); return [c !== ab, new Uint8Array(c)]; });
t('views share a cloned buffer', () => {
  const ab = new ArrayBuffer(8);
  const c = structuredClone({ u: new Uint8Array(ab, 2, 4), d: new DataView(ab, 1), ab });
  return [c.u.buffer === c.ab, c.d.buffer === c.ab, c.u.byteOffset, c.u.length, c.d.byteLength, c.ab !== ab];
});
t('cycles', () => { const o = { name: 'o' }; o.self = o; o.list = [o]; const c = structuredClone(o); return [c.self === c, c.list[0] === c, c !== o]; });
t('shared references stay shared', () => { const s = { v: 1 }; const c = structuredClone({ a: s, b: s }); return c.a === c.b; });
t('sparse array and extra props', () => { const a = [1, , 3]; a.extra = 'e'; const c = structuredClone(a); return [c, 1 in c]; });
t('class instance loses prototype', () => { class Foo { constructor() { this.x = 1; } get y() { return 2; } } const c = structuredClone(new Foo()); return [c, c.constructor === Object]; });
t('getters are read, symbols dropped', () => structuredClone({ get g() { return 5; }, [Symbol('s')]: 1 }));
t('null prototype', () => Object.getPrototypeOf(structuredClone(Object.create(null))) === Object.prototype);
t('errors', () => {
  const e = new TypeError('boom', { cause: 'because' });
  e.extra = 1;
  const c = structuredClone(e);
  return [c instanceof TypeError, c.name, c.message, c.cause, c.extra, c.stack === e.stack, Object.keys(c)];
});
t('error subclass becomes Error', () => { class MyErr extends RangeError {} const c = structuredClone(new MyErr('m')); return [c.constructor.name, c.message]; });
t('custom error name becomes Error', () => { const e = new Error('x'); e.name = 'Custom'; return structuredClone(e).name; });
t('function', () => structuredClone(function named() { return 1; }));
t('arrow', () => structuredClone(() => {}));
t('method in object', () => structuredClone({ f() {} }));
t('symbol', () => structuredClone(Symbol('sym')));
t('nested symbol', () => structuredClone({ a: [Symbol('inner')] }));
t('WeakMap', () => structuredClone(new WeakMap()));
t('Promise', () => structuredClone(Promise.resolve()));
t('missing value', () => structuredClone());
t('bad options', () => structuredClone(1, 5));
t('empty transfer list', () => structuredClone({ a: 1 }, { transfer: [] }));

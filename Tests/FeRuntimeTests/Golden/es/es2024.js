// fe-only: Object.groupBy, Map.groupBy, Promise.withResolvers, Array.fromAsync and the Set methods
// (ES2024/ES2025, in Node 22+; fe provides them on V8 10.2). Expected output is Node 22+'s.
const isCtor = (f) => { try { Reflect.construct(String, [], f); return true; } catch { return false; } };
const attrs = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return `${k} name=${d.value.name} length=${d.value.length} w=${d.writable} e=${d.enumerable} c=${d.configurable} ctor=${isCtor(d.value)}`;
};
const err = (f) => { try { f(); return 'no error'; } catch (e) { return e.constructor.name; } };
console.log(attrs(Object, 'groupBy'), '|', attrs(Map, 'groupBy'), '|', attrs(Promise, 'withResolvers'), '|', attrs(Array, 'fromAsync'));
for (const k of ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom']) console.log(attrs(Set.prototype, k));

// groupBy
const g = Object.groupBy([1, 2, 3, 4, 5], (x, i) => (x % 2 ? 'odd' : 'even') + (i === 0 ? '!' : ''));
console.log(Object.getPrototypeOf(g), JSON.stringify(g), Object.keys(g));
console.log(JSON.stringify(Object.groupBy('abca', (c) => c)), JSON.stringify(Object.groupBy([], () => 'x')));
console.log(Object.keys(Object.groupBy([1], () => ({ toString() { return 'k'; } }))), Object.keys(Object.groupBy([1, 2], (x) => x)));
const m = Map.groupBy([-0, 0, NaN, NaN, 'a'], (x) => x);
console.log([...m.keys()].map((k) => Object.is(k, -0) ? '-0' : String(k)), [...m.values()].map((v) => v.length));
const key = {};
console.log(Map.groupBy([1, 2], () => key).get(key));
console.log(err(() => Object.groupBy(null, () => 1)), err(() => Object.groupBy([], 1)), err(() => Map.groupBy({}, () => 1)), err(() => Object.groupBy(1, () => 1)));
let closed = 0;
const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { closed++; return {}; } }; } };
console.log(err(() => Object.groupBy(it, () => { throw new RangeError('x'); })), closed);

// withResolvers
const r = Promise.withResolvers();
console.log(Object.keys(r), r.promise instanceof Promise, typeof r.resolve, typeof r.reject);
class MyPromise extends Promise {}
console.log(MyPromise.withResolvers().promise instanceof MyPromise);
console.log(err(() => Promise.withResolvers.call(undefined)), err(() => Promise.withResolvers.call({})), err(() => Promise.withResolvers.call(() => {})));
let seen;
function NotPromise(executor) { executor(() => 'res', () => 'rej'); seen = this; }
const nr = Promise.withResolvers.call(NotPromise);
console.log(nr.promise === seen, nr.resolve(), nr.reject());

// Set methods
const S = (...xs) => new Set(xs);
const show = (s) => `${s.constructor === Set ? 'Set' : '?'}{${[...s].join()}}`;
const a = S(1, 2, 3), b = S(3, 4);
console.log(show(a.union(b)), show(a.intersection(b)), show(a.difference(b)), show(a.symmetricDifference(b)));
console.log(a.isSubsetOf(S(1, 2, 3, 4)), a.isSubsetOf(b), a.isSupersetOf(S(1, 2)), a.isSupersetOf(b), a.isDisjointFrom(S(5)), a.isDisjointFrom(b));
const mapArg = new Map([[3, 'x'], [9, 'y']]);
console.log(show(a.union(mapArg)), show(a.intersection(mapArg)), a.isDisjointFrom(mapArg));
const setLike = (size, elems, log) => ({
  get size() { log && log.push('size'); return size; },
  get has() { log && log.push('has'); return (x) => elems.includes(x); },
  get keys() { log && log.push('keys'); return function* () { yield* elems; }; },
});
const log = [];
console.log(show(a.union(setLike(2, [5, 1], log))), log.join());
console.log(show(S(1, 2, 3, 4).intersection(setLike(1, [2]))), show(S(1).intersection(setLike(Infinity, [1]))));
console.log(show(S(1, 2).difference(setLike(10, [2]))), show(S(1, 2, 3).difference(setLike(1, [2]))));
console.log(show(S(0).union(S(-0))), Object.is([...S(1).union(setLike(1, [-0]))][1], 0), Object.is([...S(1).intersection(setLike(1, [-0]))][0], -0));
console.log(err(() => a.union([1])), err(() => a.union(1)), err(() => a.union({ size: undefined, has() {}, keys() {} })), err(() => a.union({ size: 'x', has() {}, keys() {} })));
console.log(err(() => a.union({ size: -1, has() {}, keys() {} })), err(() => a.union({ size: 1, has: 1, keys() {} })), err(() => a.union({ size: 1, has() {}, keys: {} })));
console.log(err(() => Set.prototype.union.call(new Map(), S())), err(() => Set.prototype.isSubsetOf.call({}, S())), err(() => a.union({ size: 1, has() {}, keys() { return 1; } })));
let returned = 0;
const closing = { size: 1, has: () => false, keys() { let i = 0; return { next: () => ({ value: i++, done: false }), return() { returned++; return {}; } }; } };
console.log(S(1, 2).isSupersetOf(closing), S(7, 8).isDisjointFrom({ ...closing, keys() { let i = 5; return { next: () => ({ value: i++, done: false }), return() { returned++; return {}; } }; } }), returned);
console.log(S(1, 2).isSubsetOf({ size: 1, has() { throw new Error('not called'); }, keys() {} }));
class MySet extends Set {}
console.log(new MySet([1]).union(S(2)).constructor === Set);

// Array.fromAsync
(async () => {
  async function* gen() { yield 1; yield Promise.resolve(2); yield 3; }
  console.log(await Array.fromAsync(gen()), await Array.fromAsync([1, Promise.resolve(2)]), await Array.fromAsync({ length: 2, 0: 'a', 1: Promise.resolve('b') }));
  console.log(await Array.fromAsync([1, 2], async (x, i) => x * 10 + i), await Array.fromAsync([1], function () { return this.v; }, { v: 'this' }));
  console.log(await Array.fromAsync(new Set(['s'])), await Array.fromAsync('ab'), Array.fromAsync([]) instanceof Promise);
  class C { constructor(...args) { this.args = args; } }
  const c1 = await Array.fromAsync.call(C, [1, 2]);
  const c2 = await Array.fromAsync.call(C, { length: 2, 0: 1, 1: 2 });
  console.log(c1 instanceof C, c1.args.length, c1.length, c2.args, c2.length, Array.isArray(await Array.fromAsync.call({}, [1])));
  for (const bad of [() => Array.fromAsync(null), () => Array.fromAsync([], 1), () => Array.fromAsync({ [Symbol.asyncIterator]: 1 })]) {
    try { await bad(); console.log('no error'); } catch (e) { console.log('rejects', e.constructor.name); }
  }
  let closedSync = 0;
  const syncIt = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i++ === 0 ? Promise.reject(new Error('boom')) : 1, done: false }), return() { closedSync++; return {}; } }; } };
  try { await Array.fromAsync(syncIt); } catch (e) { console.log('rejected value:', e.message, 'closed', closedSync); }
  let closedAsync = 0;
  const asyncIt = { [Symbol.asyncIterator]() { return { next: async () => ({ value: 1, done: false }), return: async () => { closedAsync++; return {}; } }; } };
  try { await Array.fromAsync(asyncIt, () => { throw new TypeError('map'); }); } catch (e) { console.log('mapper throws:', e.message, 'closed', closedAsync); }
  const order = [];
  const p = Array.fromAsync([1], (x) => { order.push('map'); return x; });
  order.push('sync');
  await p;
  console.log(order.join());
})();

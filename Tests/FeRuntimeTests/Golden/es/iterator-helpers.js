// fe-only: iterator helpers (ES2025) on a global Iterator whose prototype is %IteratorPrototype%.
// Expected output is Node 22+'s; fe provides them on V8 10.2.
const isCtor = (f) => { try { Reflect.construct(String, [], f); return true; } catch { return false; } };
const err = (f) => { try { f(); return 'no error'; } catch (e) { return e.constructor.name; } };
const IP = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const gd = Object.getOwnPropertyDescriptor(globalThis, 'Iterator');
console.log("Iterator:", typeof Iterator, Iterator.name, Iterator.length, gd.writable, gd.enumerable, gd.configurable, Iterator.prototype === IP);
const pd = Object.getOwnPropertyDescriptor(Iterator, 'prototype');
console.log(pd.writable, pd.enumerable, pd.configurable, err(() => Iterator()), err(() => new Iterator()));
class MyIt extends Iterator { next() { return { done: true }; } }
console.log(new MyIt() instanceof Iterator, new MyIt().toArray());
for (const k of ['map', 'filter', 'take', 'drop', 'flatMap', 'reduce', 'toArray', 'forEach', 'some', 'every', 'find']) {
  const d = Object.getOwnPropertyDescriptor(IP, k);
  console.log(k, d.value.name, d.value.length, d.writable, d.enumerable, d.configurable, isCtor(d.value));
}
const fd = Object.getOwnPropertyDescriptor(Iterator, 'from');
console.log('from', fd.value.length, fd.enumerable, isCtor(fd.value));
const cd = Object.getOwnPropertyDescriptor(IP, 'constructor');
const td = Object.getOwnPropertyDescriptor(IP, Symbol.toStringTag);
console.log(typeof cd.get, typeof cd.set, cd.enumerable, cd.configurable, IP.constructor === Iterator, typeof td.get, IP[Symbol.toStringTag]);
console.log(err(() => { IP.constructor = 1; }), err(() => { IP[Symbol.toStringTag] = 'x'; }));
const o = Object.create(IP); o[Symbol.toStringTag] = 'Mine'; o.constructor = 5;
console.log(Object.prototype.toString.call(o), Object.getOwnPropertyDescriptor(o, 'constructor').value, IP.constructor === Iterator);

function* g(n = 5) { for (let i = 1; i <= n; i++) yield i; }
const h = g().map((x, i) => `${x}:${i}`);
const HP = Object.getPrototypeOf(h);
console.log(Object.prototype.toString.call(h), Object.getPrototypeOf(HP) === IP, Object.getOwnPropertyNames(HP).sort(), h.toArray());
console.log(g().filter((x, i) => x % 2 && i < 4).toArray(), g().take(2).toArray(), g().drop(3).toArray(), g().take(0).toArray(), g().drop(Infinity).toArray());
console.log(g().flatMap((x) => (x < 3 ? [x, x] : 'no'.length > 5 ? [] : new Set([x * 10]))).toArray(), g().flatMap(() => 'ab'[Symbol.iterator]()).toArray().join(''));
console.log(g().reduce((a, b) => a + b), g().reduce((a, b, i) => a + i, 100), err(() => g(0).reduce((a, b) => a)), g(0).reduce((a) => a, 'init'));
const fe = []; console.log(g(3).forEach((x, i) => fe.push(x * i)), fe);
console.log(g().some((x) => x > 4), g().some((x) => x > 5), g().every((x) => x > 0), g().every((x) => x < 3), g().find((x) => x > 2), g().find(() => false));
console.log(err(() => g().flatMap(() => 1).next()), err(() => g().flatMap(() => 'str').next()));
console.log(err(() => g().take(-1)), err(() => g().take(NaN)), err(() => g().drop(-1)), err(() => g().map(1)), err(() => IP.map.call(1, (x) => x)), err(() => IP.toArray.call(null)));
// Laziness: nothing is read until next(); next's errors are not closing
const reads = [];
const src = { i: 0, next() { reads.push('next'); return { value: this.i++, done: this.i > 3 }; }, return() { reads.push('return'); return {}; }, __proto__: IP };
const lazy = src.map((x) => x * 2);
console.log(reads.length, lazy.next(), reads.join());
console.log(lazy.return(), reads.join(), lazy.next());
// return() before the first next() closes the underlying iterator once
reads.length = 0; const early = src.filter(() => true); console.log(early.return(), early.return(), reads.join(), early.next());
// a bad argument closes the receiver
reads.length = 0; console.log(err(() => src.map(null)), err(() => src.take(-1)), reads.join());
// a throwing callback closes the underlying iterator
reads.length = 0; src.i = 0; console.log(err(() => src.map(() => { throw new SyntaxError(); }).next()), reads.join());
reads.length = 0; src.i = 0; console.log(src.some((x) => x === 1), reads.join());
reads.length = 0; src.i = 0; console.log(src.take(1).toArray(), reads.join());
// re-entrant next() throws
const re = g().map(() => re.next());
console.log(err(() => re.next()));
// Iterator.from
const arrIt = [1, 2][Symbol.iterator]();
console.log(Iterator.from(arrIt) === arrIt, Iterator.from([7, 8]).toArray(), Iterator.from('xy').toArray(), Iterator.from(new Map([[1, 2]])).toArray());
const plain = { next() { return { value: 'p', done: false }; } };
const w = Iterator.from(plain);
console.log(w !== plain, w instanceof Iterator, w.take(2).toArray(), w.return(), Object.getOwnPropertyNames(Object.getPrototypeOf(w)).sort());
console.log(err(() => Iterator.from(1)), err(() => Iterator.from(null)), err(() => Iterator.from({ [Symbol.iterator]: () => 1 })));
console.log(err(() => Object.getPrototypeOf(w).next.call({})), err(() => HP.next.call({})), err(() => HP.return.call(g())));

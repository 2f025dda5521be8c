// Array and TypedArray toSorted/toReversed/toSpliced/with (ES2023), test262-style: attributes,
// lengths, names, errors, holes, array-likes, no species. fe provides them on V8 10.2.
const TA = Object.getPrototypeOf(Uint8Array.prototype);
const isCtor = (f) => { try { Reflect.construct(String, [], f); return true; } catch { return false; } };
const attrs = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return `${k}: ${typeof d.value} name=${d.value.name} length=${d.value.length} w=${d.writable} e=${d.enumerable} c=${d.configurable} ctor=${isCtor(d.value)}`;
};
const err = (f) => { try { return JSON.stringify(f()); } catch (e) { return e.constructor.name; } };
for (const k of ['toSorted', 'toReversed', 'toSpliced', 'with']) console.log('Array', attrs(Array.prototype, k));
for (const k of ['toSorted', 'toReversed', 'with']) console.log('TypedArray', attrs(TA, k));
console.log('TypedArray toSpliced', 'toSpliced' in TA);
const u = Array.prototype[Symbol.unscopables];
console.log('unscopables', u.toSorted, u.toReversed, u.toSpliced, u.with);

// Results are new arrays; the original is unchanged.
const a = [3, 1, 2];
console.log(a.toSorted(), a.toReversed(), a.with(0, 9), a.toSpliced(1, 1), a, a.toSorted() !== a);
console.log([10, 9, 1, undefined, 2].toSorted(), [10, 9, 1, 2].toSorted((x, y) => x - y));
console.log([, 1, , 3].toReversed(), [, 'b', 'a'].toSorted(), Object.keys([, 1].with(1, 2)));
// comparator validation happens first, even for a bad receiver
console.log(err(() => [].toSorted(null)), err(() => [].toSorted({})), err(() => Array.prototype.toSorted.call(null, 1)));
console.log(err(() => Array.prototype.toSorted.call(null)), err(() => Array.prototype.toReversed.call(undefined)));
// array-likes and primitives
const al = { length: 3, 0: 'c', 1: 'a', 2: 'b', 3: 'ignored' };
console.log(Array.prototype.toSorted.call(al), Array.prototype.toReversed.call(al), Array.prototype.with.call(al, 1, 'x'));
console.log(Array.prototype.toSpliced.call(al, 1, 1, 'y', 'z'), Array.prototype.toReversed.call('abc'));
console.log(Array.prototype.toReversed.call({ length: -5 }), Array.prototype.toSorted.call({ length: '2', 0: 2, 1: 1 }));
// toSpliced arguments
const b = [1, 2, 3, 4, 5];
console.log(b.toSpliced(), b.toSpliced(2), b.toSpliced(-2), b.toSpliced(-10, 2), b.toSpliced(1, -1, 'x'));
console.log(b.toSpliced(1, Infinity), b.toSpliced(NaN, 1), b.toSpliced(1.9, 1.9), b.toSpliced(undefined, undefined, 'u'));
console.log(b.toSpliced(5, 0, 6, 7), b.toSpliced(2, 2, 'a', 'b', 'c'));
// with: index conversion and range
console.log(b.with(-1, 'last'), b.with('1', 'one'), b.with(1.7, 'x'), b.with(NaN, 'nan'));
console.log(err(() => b.with(5, 0)), err(() => b.with(-6, 0)), err(() => b.with(Infinity, 0)), err(() => [].with(0, 0)));
// huge lengths: RangeError from ArrayCreate before any element is read; TypeError past 2**53-1
const huge = { length: 2 ** 32, get 0() { throw new Error('read'); } };
console.log(err(() => Array.prototype.toReversed.call(huge)), err(() => Array.prototype.with.call(huge, 0, 0)));
console.log(err(() => Array.prototype.toSpliced.call({ length: 2 ** 53 - 1 }, 0, 0, 1)), err(() => Array.prototype.toSpliced.call(huge, 0, 0)));
// no species: a subclass gets plain arrays
class MyArray extends Array {}
const m = MyArray.from([2, 1]);
console.log(m.toSorted().constructor === Array, m.toReversed().constructor === Array, m.with(0, 0).constructor === Array, m.toSpliced(0, 0).constructor === Array);
// reads go through getters in order
const log = [];
const tracked = new Proxy([1, 2], { get(t, k, r) { if (typeof k === 'string') log.push(k); return Reflect.get(t, k, r); } });
Array.prototype.toReversed.call(tracked); console.log(log.join()); log.length = 0;
Array.prototype.with.call(tracked, 0, 'x'); console.log(log.join()); log.length = 0;
Array.prototype.toSpliced.call(tracked, 1, 0, 'y'); console.log(log.join());

// TypedArrays: the same type, numeric sort, value conversion, detached and non-typed receivers
const t = new Int16Array([3, -1, 20, 2]);
console.log(t.toSorted(), t.toReversed(), t.with(-1, 7), t, t.toSorted((x, y) => y - x));
for (const C of [Uint8ClampedArray, Float64Array, BigUint64Array]) {
  const x = C === BigUint64Array ? new C([2n, 1n]) : new C([2, 1]);
  console.log(C.name, x.toSorted().constructor === C, x.toReversed().constructor === C, x.with(0, C === BigUint64Array ? 5n : 300).join());
}
console.log(new Uint8Array([1, 2]).with(0, '7').join(), new Float32Array([1]).with(0, 0.5)[0], new Uint8Array([1]).with(0, 256)[0]);
console.log(err(() => new BigInt64Array(1).with(0, 1)), err(() => new Int8Array(1).with(0, 1n)), err(() => new Int8Array(2).with(2, 0)), err(() => new Int8Array(2).with(-3, 0)));
console.log(err(() => TA.toSorted.call([1])), err(() => TA.toReversed.call({ length: 1 })), err(() => TA.with.call([], 0, 0)), err(() => new Int8Array(2).toSorted('x')));
class MyU8 extends Uint8Array {}
console.log(new MyU8([2, 1]).toSorted().constructor.name, new MyU8([2, 1]).toReversed().constructor.name);
console.log(new Float64Array([NaN, -0, 0, -Infinity, 1]).toSorted().join(), Object.is(new Float64Array([0, -0]).toSorted()[0], -0));

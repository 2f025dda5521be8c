// deepEqual / deepStrictEqual semantics (Node's comparison rules) and their failure diffs.
const assert = require('assert');
const util = require('util');
const check = (label, a, b) => console.log(label, 'loose', util.isDeepStrictEqual(a, b) ? 'strict' : '', (() => {
  try { assert.deepEqual(a, b); return 'deepEqual'; } catch { return 'not deepEqual'; }
})(), (() => { try { assert.deepStrictEqual(a, b); return 'deepStrictEqual'; } catch { return 'not deepStrictEqual'; } })());
check('numbers vs strings', { a: 1 }, { a: '1' });
check('nested arrays', [1, [2, [3]]], [1, [2, [3]]]);
check('array vs object', [1], { 0: 1 });
check('array length', [1, 2], [1, 2, undefined]);
check('sparse arrays', [1, , 3], [1, undefined, 3]);
check('extra array property', Object.assign([1], { x: 1 }), [1]);
check('key order', { a: 1, b: 2 }, { b: 2, a: 1 });
check('undefined property', { a: undefined }, {});
check('prototypes differ', Object.create({ p: 1 }), {});
check('null prototype', Object.create(null), {});
check('NaN', NaN, NaN);
check('zero signs', 0, -0);
check('zero signs nested', [0], [-0]);
check('null vs undefined', null, undefined);
check('object vs primitive', [1], '1');
check('dates', new Date(0), new Date(0));
check('different dates', new Date(0), new Date(1));
check('regexps', /a/g, /a/g);
check('regexp flags', /a/g, /a/i);
check('errors', new Error('x'), new Error('x'));
check('error messages differ', new Error('x'), new Error('y'));
check('error classes differ', new Error('x'), new TypeError('x'));
check('maps', new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]));
check('maps loose keys', new Map([[1, 'a']]), new Map([['1', 'a']]));
check('map object keys', new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]));
check('sets', new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1]));
check('sets loose', new Set([1]), new Set(['1']));
check('typed arrays', new Uint8Array([1, 2]), new Uint8Array([1, 2]));
check('typed array types differ', new Uint8Array([1]), new Int8Array([1]));
check('buffer vs Uint8Array', Buffer.from([1]), new Uint8Array([1]));
check('float arrays -0', new Float64Array([0]), new Float64Array([-0]));
check('ArrayBuffers', new Uint8Array([1, 2]).buffer, new Uint8Array([1, 2]).buffer);
check('boxed', new Number(1), new Number(1));
check('boxed differ', new String('a'), new String('b'));
check('symbol keys', { [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 });
check('class instances', new (class A { constructor() { this.x = 1; } })(), { x: 1 });
check('URLs', new URL('https://a.example/x'), new URL('https://a.example/x'));
const c1 = { name: 'c' }; c1.self = c1;
const c2 = { name: 'c' }; c2.self = c2;
check('cycles', c1, c2);
check('functions', function f() {}, function f() {});
const show = (label, f) => {
  try { f(); console.log(label, 'passed'); } catch (e) { console.log(label, e.code, '\n' + e.message); }
};
show('deepStrictEqual diff', () => assert.deepStrictEqual({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], c: 'x' }));
show('deepStrictEqual long diff', () => assert.deepStrictEqual(
  { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 },
  { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 11 }));
show('deepStrictEqual extra lines', () => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3]));
show('deepStrictEqual identical-looking', () => assert.deepStrictEqual({ s: Symbol('x') }, { s: Symbol('x') }));
show('deepStrictEqual maps', () => assert.deepStrictEqual(new Map([['k', 1]]), new Map([['k', 2]])));
show('deepStrictEqual primitives', () => assert.deepStrictEqual(1, 2));
show('deepStrictEqual strings', () => assert.deepStrictEqual('hello wonderful world', 'hello beautiful world'));
show('deepStrictEqual sorted keys', () => assert.deepStrictEqual({ z: 1, a: 2 }, { a: 2, z: 2 }));
show('deepStrictEqual buffers', () => assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ac')));
show('deepStrictEqual nested multiline string', () => assert.deepStrictEqual({ text: 'first line is long enough\nsecond' }, { text: 'first line is long enough\nother' }));
show('deepEqual message', () => assert.deepEqual({ a: 1 }, { a: 2 }));
show('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
show('notDeepStrictEqual short', () => assert.notDeepStrictEqual(1, 1));
show('notDeepEqual', () => assert.notDeepEqual([1], ['1']));
show('notDeepEqual passes', () => assert.notDeepEqual([1], [2]));
show('custom message', () => assert.deepStrictEqual([1], [2], 'arrays differ'));
show('strict mode equal is strict', () => assert.strict.equal(1, '1'));
show('strict mode deepEqual is strict', () => assert.strict.deepEqual({ a: 1 }, { a: '1' }));
show('assert/strict module', () => require('assert/strict').deepEqual([1], ['1']));
console.log('strict aliases', assert.strict.strict === assert.strict, require('assert/strict') === assert.strict, assert.strict.equal === assert.strictEqual);

// assert: ok/equal/strictEqual and friends; failures show Node's AssertionError messages.
const assert = require('assert');
const brief = (v) => (v instanceof Error ? `[${v.name}: ${v.message}]` : v); // stacks differ
const show = (label, f) => {
  try {
    f();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
    if (e.code === 'ERR_ASSERTION') console.log('  ', e.generatedMessage, e.operator, brief(e.actual), brief(e.expected));
  }
};
show('ok true', () => assert.ok(1));
show('ok false', () => assert.ok(false));
show('assert()', () => assert(0));
show('ok expression', () => assert.ok(typeof 123 === 'string'));
show('ok multi-line call', () => assert(
  [1, 2].includes(3),
));
show('ok with message', () => assert.ok(null, 'custom message'));
show('ok with Error message', () => assert.ok('', new TypeError('thrown as is')));
show('ok no args', () => assert.ok());
show('equal', () => assert.equal(1, '1'));
show('equal fails', () => assert.equal(1, 2));
show('equal NaN', () => assert.equal(NaN, NaN));
show('equal objects', () => assert.equal({ a: 1 }, { a: 1 }));
show('notEqual', () => assert.notEqual(1, 2));
show('notEqual fails', () => assert.notEqual(1, '1'));
show('strictEqual', () => assert.strictEqual(NaN, NaN));
show('strictEqual numbers', () => assert.strictEqual(1, 2));
show('strictEqual number/string', () => assert.strictEqual(1, '1'));
show('strictEqual zeros', () => assert.strictEqual(0, -0));
show('strictEqual strings', () => assert.strictEqual('hello world', 'hello there'));
show('strictEqual long strings', () => assert.strictEqual('a'.repeat(30), 'a'.repeat(29) + 'b'));
show('strictEqual multiline strings', () => assert.strictEqual('line one\nline two\nline three', 'line one\nline 2\nline three'));
show('strictEqual objects', () => assert.strictEqual({ a: 1 }, { a: 1 }));
show('strictEqual different objects', () => assert.strictEqual({ a: 1 }, { a: 2 }));
show('strictEqual message', () => assert.strictEqual(1, 2, 'numbers differ'));
show('strictEqual Error message', () => assert.strictEqual(1, 2, new RangeError('mine')));
show('notStrictEqual', () => assert.notStrictEqual(1, '1'));
show('notStrictEqual fails', () => assert.notStrictEqual(5, 5));
show('notStrictEqual fails long', () => assert.notStrictEqual('a long string', 'a long string'));
show('notStrictEqual same object', () => { const o = { x: 1 }; assert.notStrictEqual(o, o); });
show('missing args', () => assert.strictEqual(1));
show('fail', () => assert.fail());
show('fail message', () => assert.fail('boom'));
show('fail Error', () => assert.fail(new TypeError('typed')));
show('match', () => assert.match('abc', /b/));
show('match fails', () => assert.match('abc', /x/));
show('match non-string', () => assert.match(123, /1/));
show('match bad regexp', () => assert.match('abc', 'b'));
show('doesNotMatch', () => assert.doesNotMatch('abc', /x/));
show('doesNotMatch fails', () => assert.doesNotMatch('abc', /b/));
show('ifError null', () => assert.ifError(null));
show('ifError undefined', () => assert.ifError(undefined));
show('ifError error', () => assert.ifError(new Error('bad thing')));
show('ifError value', () => assert.ifError('oops'));
show('ifError empty message', () => assert.ifError(new TypeError('')));
const e = (() => { try { assert.strictEqual(1, 2); } catch (x) { return x; } })();
console.log('AssertionError shape', e instanceof assert.AssertionError, e instanceof Error, e.name, String(e).split('\n')[0], Object.keys(e));
console.log('stack starts with', e.stack.split('\n')[0]);
const custom = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log('constructed', JSON.stringify(custom.message), custom.generatedMessage, custom.code);
console.log('constructed with message', new assert.AssertionError({ message: 'hi' }).message);
show('AssertionError bad options', () => new assert.AssertionError('x'));

// assert.throws / doesNotThrow / rejects / doesNotReject with each kind of expectation.
const assert = require('assert');
const brief = (v) => (v instanceof Error ? `[${v.name}: ${v.message}]` : v); // stacks differ
const show = (label, f) => {
  try { f(); console.log(label, 'passed'); } catch (e) { console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e.operator, brief(e.actual)); }
};
const boom = () => { throw new TypeError('boom happened'); };
show('throws', () => assert.throws(boom));
show('throws class', () => assert.throws(boom, TypeError));
show('throws base class', () => assert.throws(boom, Error));
show('throws wrong class', () => assert.throws(boom, RangeError));
show('throws same name, other class', () => assert.throws(boom, class TypeError extends Error {}));
show('throws non-error with class', () => assert.throws(() => { throw 'str'; }, RangeError));
show('throws RegExp', () => assert.throws(boom, /boom/));
show('throws RegExp fails', () => assert.throws(boom, /bang/));
show('throws validation fn', () => assert.throws(boom, (e) => e instanceof TypeError && /happened/.test(e.message)));
show('throws validation fn fails', () => assert.throws(boom, function isRange(e) { return e instanceof RangeError; }));
show('throws validation fn anonymous', () => assert.throws(boom, (e) => 'yes'));
show('throws object', () => assert.throws(boom, { name: 'TypeError', message: 'boom happened' }));
show('throws object with RegExp', () => assert.throws(boom, { message: /boom/ }));
show('throws object fails', () => assert.throws(boom, { name: 'TypeError', message: 'other' }));
show('throws object extra key', () => assert.throws(boom, { code: 'E_X' }));
show('throws Error instance', () => assert.throws(boom, new TypeError('boom happened')));
show('throws Error instance differs', () => assert.throws(boom, new TypeError('nope')));
show('throws empty object', () => assert.throws(boom, {}));
show('throws primitive thrown vs object', () => assert.throws(() => { throw 5; }, { a: 1 }));
show('throws nothing thrown', () => assert.throws(() => {}));
show('throws nothing thrown, class', () => assert.throws(() => {}, TypeError));
show('throws nothing thrown, message', () => assert.throws(() => {}, TypeError, 'should throw'));
show('throws message as 2nd arg', () => assert.throws(() => {}, 'must throw'));
show('throws ambiguous message', () => assert.throws(boom, 'boom happened'));
show('throws bad fn', () => assert.throws('not a function'));
show('throws bad expectation', () => assert.throws(boom, 5));
show('throws string expectation with message', () => assert.throws(boom, 'x', 'y'));
show('throws custom message on mismatch', () => assert.throws(boom, RangeError, 'wanted a RangeError'));
show('doesNotThrow', () => assert.doesNotThrow(() => 1));
show('doesNotThrow fails', () => assert.doesNotThrow(boom));
show('doesNotThrow fails with message', () => assert.doesNotThrow(boom, 'no throwing'));
show('doesNotThrow other class rethrows', () => assert.doesNotThrow(boom, RangeError));
show('doesNotThrow matching class', () => assert.doesNotThrow(boom, TypeError, 'typed'));
show('doesNotThrow RegExp', () => assert.doesNotThrow(boom, /boom/));
(async () => {
  const showAsync = async (label, p) => {
    try { await p(); console.log(label, 'passed'); } catch (e) { console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), brief(e.actual)); }
  };
  const reject = () => Promise.reject(new RangeError('rejected'));
  await showAsync('rejects', () => assert.rejects(reject));
  await showAsync('rejects promise', () => assert.rejects(Promise.reject(new Error('p'))));
  await showAsync('rejects class', () => assert.rejects(reject, RangeError));
  await showAsync('rejects wrong class', () => assert.rejects(reject, TypeError));
  await showAsync('rejects object', () => assert.rejects(reject, { message: 'rejected' }));
  await showAsync('rejects resolves', () => assert.rejects(Promise.resolve(1)));
  await showAsync('rejects resolves with message', () => assert.rejects(async () => 1, 'should reject'));
  await showAsync('rejects non-promise return', () => assert.rejects(() => 5));
  await showAsync('rejects bad arg', () => assert.rejects(5));
  await showAsync('rejects async throw', () => assert.rejects(async () => { throw new Error('async'); }, /async/));
  await showAsync('doesNotReject', () => assert.doesNotReject(Promise.resolve(1)));
  await showAsync('doesNotReject fails', () => assert.doesNotReject(reject));
  await showAsync('doesNotReject fails with message', () => assert.doesNotReject(reject, 'keep calm'));
  console.log('returns a promise', assert.rejects(reject) instanceof Promise);
})();

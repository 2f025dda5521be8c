// assert as an ES module: default and named imports, and assert.ok quoting the failing call.
import assert, { strictEqual, deepStrictEqual, AssertionError } from 'node:assert';
import strict from 'assert/strict';

const show = (label, f) => {
  try { f(); console.log(label, 'passed'); } catch (e) { console.log(label, e.code, JSON.stringify(e.message)); }
};
show('default is ok()', () => assert(0 > 1));
show('named strictEqual', () => strictEqual('a', 'b'));
show('named deepStrictEqual', () => deepStrictEqual({ list: [1, 2] }, { list: [1, 2] }));
show('strict module', () => strict.equal(1, '1'));
show('ok inside return', () => { const check = (v) => { return assert.ok(v === 'yes'); }; check('no'); });
show('ok after other code', () => { const x = 1; assert.strict.ok(x === 2); });
show('ok with nested call', () => assert.ok([1, 2].map((n) => n * 2).includes(5)));
show('ok with string argument', () => assert.ok('' || null, undefined));
show('ok quoting (parens) in string', () => assert(')(' === 'x'));
console.log('AssertionError export', AssertionError === assert.AssertionError);

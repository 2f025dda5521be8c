// node:test: tests, suites, hooks, skip/todo, subtests, a failure and mocks; TAP on a pipe.
// What varies from run to run (durations, stack frames, this file's path) is normalised here.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const lines = String(chunk).replace(/duration_ms:? [0-9.]+/g, 'duration_ms *').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*stack: \|-$/.test(lines[i])) {
      const indent = lines[i].search(/\S/);
      while (i + 1 < lines.length && lines[i + 1].search(/\S/) > indent) i++;
      continue;
    }
    out.push(lines[i].split(__filename).join('basics.js'));
  }
  return write(out.join('\n'), ...rest);
};
const test = require('node:test');
const { describe, it, before, after, beforeEach, mock } = test;
const assert = require('assert');

const order = [];
describe('suite', () => {
  before(() => order.push('before'));
  beforeEach(() => order.push('beforeEach'));
  after(() => console.log('hooks ran:', order.join(',')));
  it('adds', () => assert.strictEqual(1 + 1, 2));
  it('waits', async () => { await new Promise((r) => setTimeout(r, 5)); });
  it.todo('is to do');
});
// Node 18 runs a skipped test's beforeEach hooks, Node 20 does not (hooks.js): no hooks here.
describe('skips', () => {
  it.skip('is skipped', () => { throw new Error('never'); });
});

test('subtests', async (t) => {
  await t.test('first', () => {});
  await t.test('second', () => {});
});

test('mocks', () => {
  const fn = mock.fn((a, b) => a + b);
  assert.strictEqual(fn(2, 3), 5);
  assert.strictEqual(fn.mock.calls.length, 1);
  assert.deepStrictEqual(fn.mock.calls[0].arguments, [2, 3]);
  const obj = { hello: () => 'world' };
  mock.method(obj, 'hello', () => 'mocked');
  assert.strictEqual(obj.hello(), 'mocked');
  mock.restoreAll();
  assert.strictEqual(obj.hello(), 'world');
});

test('fails', () => { assert.strictEqual(1, 2); });

test('bare require("test") is not node:test', () => {
  assert.throws(() => require('test'), { code: 'MODULE_NOT_FOUND' });
});

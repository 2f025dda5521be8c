// fe-only: Node 18.20.4's runner (vendored, run as Node 18 runs it). Node 20 differs in one
// place: a nested suite's afterEach hooks run innermost first there; Node 18's test.js copies the
// parent's afterEach list and appends its own, so the outer one runs first.
// node:test hooks: before/after/beforeEach/afterEach of nested suites in Node's order, a test
// context's own hooks for its subtests, and a suite-level skip and todo.
// TAP's durations vary from run to run: normalised here.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk).replace(/duration_ms:? [0-9.]+/g, 'duration_ms *'), ...rest);
const { describe, it, before, after, beforeEach, afterEach, test } = require('node:test');
const log = [];
const record = (what) => () => { log.push(what); };
describe('outer', () => {
  before(record('outer before'));
  after(() => { log.push('outer after'); console.log(log.join('\n')); });
  beforeEach(record('outer beforeEach'));
  afterEach(record('outer afterEach'));
  it('first', record('first'));
  describe('inner', () => {
    before(record('inner before'));
    beforeEach(record('inner beforeEach'));
    afterEach(record('inner afterEach'));
    after(record('inner after'));
    it('second', record('second'));
  });
  describe.skip('skipped suite', () => { it('never', () => { throw new Error('ran'); }); });
  describe.todo('todo suite', () => {});
});
test('context hooks', async (t) => {
  t.beforeEach((c) => console.log('beforeEach', c.name));
  t.afterEach((c) => console.log('afterEach', c.name));
  await t.test('a', () => {});
  await t.test('b', () => {});
});
test('skips itself', (t) => { t.skip('not today'); });
test('is to do itself', (t) => { t.todo('later'); });

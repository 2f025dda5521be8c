// node:test's `only`: with --test-only (a child run through process.execPath) only tests and
// suites marked `only` run, and inside a suite marked `only` every test runs unless some are.
const { spawnSync } = require('child_process');
const code = `
const { test, describe, it } = require('node:test');
test('not only', () => { console.log('ran: not only'); });
test.only('only', () => { console.log('ran: only'); });
test('only option', { only: true }, async (t) => {
  await t.test('sub without only', () => { console.log('ran: sub without only'); });
});
describe.only('only suite', () => {
  it('a', () => { console.log('ran: suite a'); });
  it('b', () => { console.log('ran: suite b'); });
});
describe('suite with an only test', () => {
  it('skipped', () => { console.log('ran: skipped'); });
  it.only('chosen', () => { console.log('ran: chosen'); });
});
`;
for (const args of [['--test-only'], []]) {
  const r = spawnSync(process.execPath, [...args, '--test-reporter=tap', '-e', code], { encoding: 'utf8' });
  console.log(JSON.stringify(args), 'exit', r.status);
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('ran:') || / - .*# SKIP/.test(line) || /^# (tests|pass|skipped)/.test(line)) console.log(line.trim());
  }
}

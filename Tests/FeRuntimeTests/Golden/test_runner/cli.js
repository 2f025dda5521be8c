// `node --test <files>`: Node's test runner runs each file in a child of its own and reports
// them together (TAP when not on a terminal); the exit code is 1 when a test failed.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-cli-'));
const passing = path.join(dir, 'passing.test.js');
const failing = path.join(dir, 'failing.test.js');
fs.writeFileSync(passing, "require('node:test')('adds', () => { if (1 + 1 !== 2) throw new Error('math'); });\n");
fs.writeFileSync(failing, "require('node:test')('breaks', () => { throw new Error('broken'); });\n");
for (const files of [[passing], [passing, failing]]) {
  const r = spawnSync(process.execPath, ['--test', ...files], { encoding: 'utf8', cwd: dir });
  const count = (name) => (new RegExp(`^# ${name} (\\d+)$`, 'm').exec(r.stdout) || [])[1];
  console.log(`exit ${r.status}: tests ${count('tests')}, pass ${count('pass')}, fail ${count('fail')}`,
    r.stdout.includes('broken'));
}
fs.rmSync(dir, { recursive: true });

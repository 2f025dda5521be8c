// fe-only: Node 18.20.4's spec reporter (vendored). Node 20 prints a finished suite with its
// pass mark (✔ math); Node 18's reporter prints a suite whose children were reported with the
// arrow again (▶ math), then a blank line.
// node:test's spec reporter (--test-reporter=spec, no colours on a pipe): a passing suite, a
// skip, a todo and a failure with its error, then the failures again with where they are;
// durations and stack frames normalised. (The test file is a file: Node 18's reporter fails on
// code given with -e, whose tests have no file to name.)
const { spawnSync } = require('child_process');
const path = require('path');
const r = spawnSync(process.execPath, ['--test-reporter=spec', 'spec-child.js'],
  { encoding: 'utf8', cwd: path.join(__dirname, 'fixtures') });
console.log('exit', r.status);
const out = r.stdout.replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)').replace(/duration_ms [0-9.]+/g, 'duration_ms *')
  .split('\n').filter((l) => !/^\s+at /.test(l)).join('\n');
console.log(out);

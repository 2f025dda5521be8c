// process.execPath runs as node: -e, -p, a script on stdin, execArgv, --version, a bad option.
const { execFileSync, spawnSync } = require('child_process');
const run = (args, input) => {
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  console.log(JSON.stringify(args), '->', r.status, JSON.stringify(r.stdout));
  return r;
};
run(['-e', 'console.log(1 + 1, typeof require, __filename, process.argv.length)']);
run(['-p', '[1, 2].map((x) => x * 2)']);
run(['-p', 'process.argv.slice(1)', 'a', 'b']);
run(['--no-warnings', '-p', 'process.execArgv']);
run(['--title=abc', '-e', 'console.log(process.title)']);
run(['-'], 'console.log("from stdin", __filename)');
run([], 'console.log("stdin again")');
run(['-c', '-'], 'syntax error here');
console.log(/^v\d+\.\d+\.\d+\n$/.test(execFileSync(process.execPath, ['--version'], { encoding: 'utf8' })));
const bad = run(['--not-a-node-option', '-e', '0']);
console.log(bad.stderr.includes('bad option: --not-a-node-option'));
run(['-e', 'process.exitCode = 3']);
run(['-e', 'throw new Error("boom")']).stderr.includes('boom');
// --input-type=module: -e code and stdin as an ES module named <cwd>/[eval1]; -p refused.
run(['--input-type=module', '-e', 'import { sep } from "path"; console.log(sep, decodeURI(import.meta.url).endsWith("/[eval1]"), typeof require)']);
run(['--input-type=module'], 'import os from "node:os"; console.log(typeof os.cpus, await Promise.resolve(7))');
console.log(run(['--input-type=module', '-p', '1']).stderr.includes('--print cannot be used with ESM input'));

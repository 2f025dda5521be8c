// --expose-internals: require('internal/...') reaches Node's internal modules (fe's real ones:
// Node's vendored files or fe's implementation under Node's names); without the flag they are not
// requireable, and NODE_OPTIONS refuses the flag, as Node does.
const { spawnSync } = require('child_process');
const run = (args, env) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: __dirname, env: { ...process.env, ...env } });
  console.log(JSON.stringify(args), env ? JSON.stringify(env) : '', '->', r.status);
  if (r.stdout.trim()) console.log(r.stdout.trim());
  return r;
};
const probe = 'for (const id of ["internal/errors", "node:internal/errors"]) {' +
  ' try { require(id); console.log("loaded", id); } catch (e) { console.log(e.code, e.message.split("\\n")[0]); } }' +
  ' console.log(require("module").isBuiltin("internal/errors"));';
run(['-e', probe]);
run(['--expose-internals', './fixtures/internals.js']);
const r = run(['-e', '0'], { NODE_OPTIONS: '--expose-internals' });
console.log(r.stderr.trim().endsWith('--expose-internals is not allowed in NODE_OPTIONS'));
// The warning Node prints when internal/test/binding loads.
const w = run(['--expose-internals', '-e', 'require("internal/test/binding")']);
console.log(w.stderr.includes('internal/test/binding: These APIs are for internal testing only. Do not use them.'));

// `node -i` (and `node -i -e code`): the standalone REPL on a pipe, ended by .exit; an uncaught
// error is reported and the REPL goes on; --input-type is refused for a REPL.
const { spawnSync } = require('child_process');

function run(args, input) {
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  // The banner names the Node version: only its shape is compared.
  const out = r.stdout.replace(/^Welcome to Node\.js v\d+\.\d+\.\d+\./, 'Welcome to Node.js vX.');
  // Refusals exit 1 in Node 18 and 9 in Node 20.
  return { failed: r.status !== 0, out: out.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'), err: r.stderr };
}

console.log(run(['-i'], 'module.id\nconst a = 40 + 2\na\nnull.x\na + 1\n.exit\n'));
console.log(run(['-i', '-e', 'globalThis.fromEval = "set by -e"'], 'fromEval\n.exit\n'));
console.log(run(['-i', '--input-type=commonjs'], '.exit\n'));

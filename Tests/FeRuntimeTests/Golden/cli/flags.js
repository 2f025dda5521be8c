// Node's flags through process.execPath: --expose-gc, -r preloads, --stack-trace-limit,
// --no-deprecation / --throw-deprecation, NODE_OPTIONS, and NODE_OPTIONS refusing what Node refuses there.
const { spawnSync } = require('child_process');
const path = require('path');
const run = (args, env) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: __dirname, env: { ...process.env, ...env } });
  console.log(JSON.stringify(args), env ? JSON.stringify(env) : '', '->', r.status, JSON.stringify(r.stdout.trim()));
  return r;
};
run(['-p', 'typeof gc']);
run(['--expose-gc', '-p', 'typeof gc']);
run(['--expose_gc', '-e', 'gc(); console.log("collected")']);
run(['-r', './fixtures/preload.js', '-p', 'globalThis.preloaded']);
run(['-p', 'globalThis.preloaded'], { NODE_OPTIONS: '--require ./fixtures/preload.js' });
run(['--stack-trace-limit=1', '-p', 'Error.stackTraceLimit']);
run(['--throw-deprecation', '-p', 'process.throwDeprecation']);
run(['--no-deprecation', '-p', 'process.noDeprecation']);
const r = run(['-e', '0'], { NODE_OPTIONS: '--stack-size=100' });
console.log(r.stderr.trim().endsWith('is not allowed in NODE_OPTIONS'));
run(['--unhandled-rejections=bogus', '-e', '0']);
// An argument after its option may escape a leading '-' as '\-'; Node's checks across options
// and its own exit code for an unknown --security-revert.
run(['-p', '\\-42']);
const conflict = run(['--tls-min-v1.3', '--tls-max-v1.2', '-p', '0']);
console.log(conflict.stderr.includes('either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both'));
console.log(run(['--disable-proto=sometimes', '-e', '0']).stderr.includes('invalid mode passed to --disable-proto'));
console.log(run(['--security-revert=not-a-cve', '-e', '0']).stderr.includes('Attempt to revert an unknown CVE [not-a-cve]'));
// --completion-bash: Node's bash completion function, offering the options.
const completion = spawnSync(process.execPath, ['--completion-bash'], { encoding: 'utf8' }).stdout;
console.log(completion.startsWith('_node_complete() {'), / --expose-gc /.test(completion),
  completion.trim().endsWith('complete -o filenames -o nospace -o bashdefault -F _node_complete node node_g'));

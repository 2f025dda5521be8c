// exec and execFile: callbacks with (err, stdout, stderr), Node's "Command failed" errors,
// encodings, maxBuffer, timeout, cwd/env, and util.promisify's { stdout, stderr } form.
const { exec, execFile } = require('child_process');
const util = require('util');

const show = (label) => (err, stdout, stderr) => new Promise((resolve) => {
  const e = err && { message: err.message, code: err.code, killed: err.killed, signal: err.signal, cmd: err.cmd, keys: Object.keys(err) };
  console.log(label, JSON.stringify({ err: e, stdout: Buffer.isBuffer(stdout) ? `<Buffer ${stdout.toString('hex')}>` : stdout, stderr }));
  resolve();
});
const step = (label, f) => new Promise((resolve) => { f((...a) => show(label)(...a).then(resolve)); });

(async () => {
  await step('exec ok', (cb) => exec('echo hello; echo warn >&2', cb));
  await step('exec exit code', (cb) => exec('echo partial; echo oops >&2; exit 3', cb));
  await step('exec options', (cb) => exec('echo "$GREETING from $(basename "$PWD")"', { cwd: 'fixtures', env: { GREETING: 'hi', PATH: '/usr/bin:/bin' } }, cb));
  await step('exec buffer encoding', (cb) => exec('printf abc', { encoding: 'buffer' }, cb));
  await step('exec hex encoding', (cb) => exec('printf abc', { encoding: 'hex' }, cb));
  await step('exec maxBuffer', (cb) => exec('echo 0123456789', { maxBuffer: 4 }, cb));
  await step('exec timeout', (cb) => exec('sleep 5', { timeout: 50 }, cb));
  await step('exec killSignal', (cb) => exec('sleep 5', { timeout: 50, killSignal: 'SIGKILL' }, cb));
  await step('exec not found', (cb) => exec('fe-no-such-command-xyz', cb));
  await step('execFile ok', (cb) => execFile('echo', ['-n', 'a b'], cb));
  await step('execFile fails', (cb) => execFile('sh', ['-c', 'exit 4'], cb));
  await step('execFile enoent', (cb) => execFile('fe-no-such-command-xyz', ['x'], cb));
  await step('execFile no args', (cb) => execFile('pwd', { cwd: '/' }, cb));
  await step('execFile shell', (cb) => execFile('echo $((1 + 2))', { shell: true }, cb));

  const child = exec('cat', (err, stdout) => console.log('exec returns the child', err, JSON.stringify(stdout)));
  child.stdin.end('fed through stdin');
  await new Promise((r) => child.on('close', r));

  const pexec = util.promisify(exec);
  const r1 = await pexec('echo promised');
  console.log('promisify exec', JSON.stringify(r1));
  try {
    await pexec('echo out; echo bad >&2; exit 2');
  } catch (e) {
    console.log('promisify exec rejects', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
  const p = util.promisify(execFile)('echo', ['file']);
  console.log('promise has child', typeof p.child.pid);
  console.log('promisify execFile', JSON.stringify(await p));
})();

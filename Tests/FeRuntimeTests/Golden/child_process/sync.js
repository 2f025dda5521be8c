// spawnSync, execSync and execFileSync: results, input, encodings, failures and their errors.
const { spawnSync, execSync, execFileSync } = require('child_process');

const shape = (r) => JSON.stringify({
  keys: Object.keys(r), status: r.status, signal: r.signal, pidIsNumber: typeof r.pid === 'number' && r.pid > 0,
  stdout: r.stdout == null ? r.stdout : String(r.stdout), stderr: r.stderr == null ? r.stderr : String(r.stderr),
  outputLength: r.output && r.output.length, output0: r.output && r.output[0],
  error: r.error && { message: r.error.message, code: r.error.code, errno: r.error.errno, syscall: r.error.syscall, path: r.error.path, spawnargs: r.error.spawnargs },
});
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) {
    console.log(label, 'threw', JSON.stringify({ message: e.message, status: e.status, signal: e.signal, code: e.code,
      stdout: e.stdout == null ? e.stdout : String(e.stdout), stderr: e.stderr == null ? e.stderr : String(e.stderr), keys: Object.keys(e) }));
  }
};

t('spawnSync echo', () => shape(spawnSync('echo', ['one', 'two'])));
t('spawnSync buffers', () => { const r = spawnSync('printf', ['xy']); return [Buffer.isBuffer(r.stdout), Buffer.isBuffer(r.stderr), r.output[1] === r.stdout]; });
t('spawnSync status', () => shape(spawnSync('sh', ['-c', 'echo o; echo e >&2; exit 5'])));
t('spawnSync encoding', () => { const r = spawnSync('printf', ['h\\303\\251'], { encoding: 'utf8' }); return [typeof r.stdout, r.stdout]; });
t('spawnSync input string', () => shape(spawnSync('cat', [], { input: 'from input' })));
t('spawnSync input buffer', () => shape(spawnSync('wc', ['-c'], { input: Buffer.alloc(200000, 97) })));
t('spawnSync input typed array', () => shape(spawnSync('od', ['-An', '-tx1'], { input: new Uint8Array([1, 2, 255]) })));
t('spawnSync no input gives EOF', () => shape(spawnSync('cat', [])));
t('spawnSync env', () => shape(spawnSync('sh', ['-c', 'echo "$A$B"'], { env: { A: 'x', B: 'y' } })));
t('spawnSync cwd', () => shape(spawnSync('cat', ['hello.txt'], { cwd: 'fixtures' })));
t('spawnSync shell', () => shape(spawnSync('echo $HOME_X | wc -c', { shell: true, env: { HOME_X: 'abc', PATH: '/usr/bin:/bin' } })));
t('spawnSync signal', () => shape(spawnSync('sh', ['-c', 'kill -TERM $$'])));
t('spawnSync stdio inherit', () => shape(spawnSync('true', [], { stdio: 'inherit' })));
t('spawnSync stdio ignore', () => shape(spawnSync('echo', ['gone'], { stdio: ['pipe', 'ignore', 'pipe'] })));
t('spawnSync enoent', () => shape(spawnSync('fe-no-such-command-xyz', ['a', 'b'])));
t('spawnSync timeout', () => shape(spawnSync('sleep', ['5'], { timeout: 50 })));
t('spawnSync maxBuffer', () => { const r = spawnSync('sh', ['-c', 'echo 0123456789'], { maxBuffer: 4 }); return [r.error && r.error.code, String(r.stdout)]; });
t('spawnSync large output', () => spawnSync('sh', ['-c', 'head -c 300000 /dev/zero']).stdout.length);

t('execSync', () => JSON.stringify(String(execSync('echo hello'))));
t('execSync encoding', () => JSON.stringify(execSync('echo hello', { encoding: 'utf8' })));
t('execSync input', () => execSync('tr a-z A-Z', { input: 'shout' }).toString());
t('execSync pipes', () => execSync('printf "b\\na\\nc\\n" | sort | head -n 2', { encoding: 'utf8' }));
t('execSync cwd', () => execSync('cat hello.txt', { cwd: 'fixtures', encoding: 'utf8' }));
t('execSync fails', () => execSync('echo partial; echo broken >&2; exit 3', { stdio: 'pipe' }));
t('execSync not found', () => execSync('fe-no-such-command-xyz', { stdio: 'pipe' }));
t('execSync stdio inherit returns null', () => execSync('true', { stdio: 'inherit' }));
t('execFileSync', () => execFileSync('echo', ['-n', 'file sync']).toString());
t('execFileSync encoding', () => execFileSync('printf', ['%s-%s', 'a', 'b'], { encoding: 'utf8' }));
t('execFileSync fails', () => execFileSync('sh', ['-c', 'echo e >&2; exit 9'], { stdio: 'pipe' }));
t('execFileSync enoent', () => execFileSync('fe-no-such-command-xyz', ['q']));
t('execFileSync bad args', () => execFileSync('echo', 5));

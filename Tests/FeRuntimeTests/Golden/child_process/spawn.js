// child_process.spawn: output, exit codes, signals, stdio modes, env/cwd/shell options, stdin
// piping, spawn errors and unref. Each case runs after the previous one closes, so the output
// order does not depend on which process finishes first.
const { spawn, ChildProcess } = require('child_process');
const path = require('path');

function run(label, cmd, args, options, feed) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, options);
    const out = [], err = [], events = [];
    let spawned = false;
    child.on('spawn', () => { spawned = true; });
    if (child.stdout) child.stdout.on('data', (d) => out.push(d));
    if (child.stderr) child.stderr.on('data', (d) => err.push(d));
    child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    child.on('error', (e) => events.push(`error ${e.code} ${e.message}`));
    if (feed) feed(child);
    child.on('close', (code, signal) => {
      console.log(label, JSON.stringify({
        stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(),
        code, signal, spawned, events, exitCode: child.exitCode, signalCode: child.signalCode,
      }));
      resolve(child);
    });
  });
}

(async () => {
  const echo = await run('echo', 'echo', ['hello', 'world']);
  console.log('instance', echo instanceof ChildProcess, typeof echo.pid, echo.spawnfile, echo.spawnargs);
  await run('exit code', 'sh', ['-c', 'echo out; echo err >&2; exit 7']);
  await run('exit 0 no output', 'true', []);
  await run('false', 'false', []);
  await run('env', 'sh', ['-c', 'echo "$FE_TEST_VAR|$PATH"'], { env: { FE_TEST_VAR: 'value 1', PATH: '/usr/bin:/bin' } });
  await run('env undefined skipped', 'sh', ['-c', 'echo "[${SKIPPED-unset}]"'], { env: { PATH: '/usr/bin:/bin', SKIPPED: undefined } });
  await run('cwd', 'sh', ['-c', 'test "$(pwd)" = "$EXPECTED" && echo same'], { cwd: path.join(__dirname, 'fixtures'), env: { EXPECTED: path.join(__dirname, 'fixtures') } });
  await run('cwd relative', 'cat', ['hello.txt'], { cwd: 'fixtures' });
  await run('shell', 'echo $((6 * 7)) | tr 4 X', [], { shell: true });
  await run('shell with args', 'echo', ['a', '&&', 'echo', 'b'], { shell: true });
  await run('argv0', 'sh', ['-c', 'echo $0'], { argv0: 'custom-name' });
  await run('stdio ignore', 'sh', ['-c', 'echo hidden; echo hidden >&2'], { stdio: 'ignore' });
  await run('stdio array', 'sh', ['-c', 'echo shown; echo hidden >&2'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await run('stdio inherit', 'echo', ['written by the child to our stdout'], { stdio: 'inherit' });
  await run('stdio stream', 'echo', ['through process.stdout'], { stdio: ['ignore', process.stdout, 'ignore'] });
  await run('stdio fd number', 'sh', ['-c', 'echo to fd 1'], { stdio: ['ignore', 1, 'pipe'] });
  await run('detached', 'sh', ['-c', 'test "$(cut -d" " -f6 /proc/$$/stat)" = "$$" && echo own session || echo parent session'], { detached: true });
  await run('not detached', 'sh', ['-c', 'test "$(cut -d" " -f6 /proc/$$/stat)" = "$$" && echo own session || echo parent session']);
  await run('stdin to cat', 'cat', [], {}, (child) => { child.stdin.write('line 1\n'); child.stdin.end('line 2\n'); });
  await run('stdin buffer to wc', 'wc', ['-c'], {}, (child) => { child.stdin.end(Buffer.alloc(100000, 'x')); });
  await run('sigterm', 'sleep', ['10'], {}, (child) => { child.on('spawn', () => console.log('kill returns', child.kill(), child.killed)); });
  await run('sigkill', 'sleep', ['10'], {}, (child) => { child.on('spawn', () => child.kill('SIGKILL')); });
  await run('signal number', 'sleep', ['10'], {}, (child) => { child.on('spawn', () => child.kill(2)); });
  await run('timeout option', 'sleep', ['5'], { timeout: 50 });
  await run('timeout with killSignal', 'sleep', ['5'], { timeout: 50, killSignal: 'SIGINT' });
  const ac = new AbortController();
  await run('abort signal', 'sleep', ['5'], { signal: ac.signal }, (child) => child.on('spawn', () => ac.abort()));
  await run('self signal', 'sh', ['-c', 'kill -USR1 $$']);
  await run('enoent', 'fe-no-such-command', ['arg1']);
  await run('enoent path', './no/such/file', []);
  await run('not executable', 'fixtures/hello.txt', []);
  await run('bad cwd', 'pwd', [], { cwd: path.join(__dirname, 'no-such-dir') });

  const enc = spawn('printf', ['h\\303\\251llo']);
  enc.stdout.setEncoding('utf8');
  const parts = [];
  enc.stdout.on('data', (d) => parts.push(typeof d));
  enc.stdout.on('end', () => console.log('setEncoding', parts.every((t) => t === 'string')));
  await new Promise((r) => enc.on('close', r));

  const ended = spawn('sleep', ['10']);
  await new Promise((r) => ended.on('spawn', r));
  ended.kill();
  await new Promise((r) => ended.on('exit', r));
  console.log('kill after exit', ended.kill());

  const errors = [
    () => spawn(''),
    () => spawn(42),
    () => spawn('echo', 'notarray'),
    () => spawn('echo', [], { stdio: 'bogus' }),
    () => spawn('true').kill('SIGBOGUS'),
  ];
  for (const f of errors) {
    try { f(); console.log('no throw'); } catch (e) { console.log('throws', e.name, e.code, e.message); }
  }

  const started = Date.now();
  const daemon = spawn('sleep', ['10'], { stdio: 'ignore' });
  daemon.unref();
  process.on('exit', () => {
    console.log('unref lets the program end', Date.now() - started < 5000);
    daemon.kill('SIGKILL');
  });
})();

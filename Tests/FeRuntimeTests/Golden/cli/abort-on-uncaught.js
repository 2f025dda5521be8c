// --abort-on-uncaught-exception: an uncaught exception aborts the process by a signal (Node's
// V8 may trap instead of raising SIGABRT for a synchronous throw, so only "a signal" is
// compared), before any 'uncaughtException' listener; a rejection aborts with SIGABRT; a
// capture callback keeps the process alive; a worker's error still goes to its 'error' event.
const { spawnSync } = require('child_process');
const run = (what, code) => {
  const r = spawnSync(process.execPath, ['--abort-on-uncaught-exception', '-e', code], { encoding: 'utf8' });
  const printed = r.stderr.includes('Error: boom');
  console.log(what, '->', r.status, r.signal === null ? 'no signal' : 'signal', JSON.stringify(r.stdout.trim()), printed ? 'printed' : '');
  return r;
};
run('top level', `throw new Error('boom')`);
run('timer', `setTimeout(() => { throw new Error('boom'); }, 1)`);
run('listener', `process.on('uncaughtException', () => console.log('listener ran')); setTimeout(() => { throw new Error('boom'); }, 1)`);
console.log(run('rejection', `Promise.reject(new Error('boom'))`).signal);
run('capture', `process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message)); setTimeout(() => { throw new Error('boom'); }, 1)`);
run('caught', `try { throw new Error('boom'); } catch { console.log('caught'); }`);
run('worker', `new (require('worker_threads').Worker)('setTimeout(() => { throw new Error("boom"); }, 1)', { eval: true }).on('error', (e) => console.log('worker error', e.message))`);
// process.abort() is SIGABRT too, without 'exit' handlers.
console.log(spawnSync(process.execPath, ['-e', `process.on('exit', () => console.log('exit')); process.abort()`], { encoding: 'utf8' }).signal);

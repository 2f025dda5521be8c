// --unhandled-rejections=<mode> (Node 18): what each mode does with a rejection nobody handles,
// with and without an 'unhandledRejection' listener, and a rejection handled too late.
const { spawnSync } = require('child_process');
const run = (mode, code) => {
  const args = mode ? [`--unhandled-rejections=${mode}`, '-e', code] : ['-e', code];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const warnings = (r.stderr.match(/UnhandledPromiseRejectionWarning/g) || []).length;
  const died = r.status === 1 && !r.stdout.includes('still running');
  console.log(mode || '(default)', '->', r.status, JSON.stringify(r.stdout.trim()), 'warnings:', warnings, died ? 'died' : '');
};
const plain = `Promise.reject(new Error('boom')); setTimeout(() => console.log('still running'), 10);`;
const listened = `process.on('unhandledRejection', (e) => console.log('listener', e.message)); ${plain}`;
const caught = `process.on('uncaughtException', (e, origin) => console.log('uncaught', e.message, origin)); ${plain}`;
for (const mode of [undefined, 'throw', 'strict', 'warn', 'none', 'warn-with-error-code']) {
  run(mode, plain);
  run(mode, listened);
}
run('strict', caught);
run('throw', caught);
// A reason that is not an Error becomes ERR_UNHANDLED_REJECTION for 'uncaughtException'.
run('throw', `process.on('uncaughtException', (e) => console.log(e.code, e.name, e.message.includes('"text"'))); Promise.reject('text');`);
// Reported, then handled: 'rejectionHandled' (warn mode keeps the process alive to see it).
run('warn', `process.on('rejectionHandled', () => console.log('rejectionHandled')); const p = Promise.reject(new Error('boom')); setTimeout(() => p.catch(() => {}), 10);`);

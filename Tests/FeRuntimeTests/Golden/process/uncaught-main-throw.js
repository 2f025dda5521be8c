// A throw at the main module's top level is an uncaught exception like any other: an
// 'uncaughtException' listener gets it (after the monitor), and the event loop runs on.
process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.message, origin));
process.on('uncaughtException', (e, origin) => {
  console.log('caught', e.message, origin);
  setTimeout(() => console.log('the loop runs on'), 1);
});
process.on('exit', (code) => console.log('exit', code));
console.log('before');
throw new Error('top level');

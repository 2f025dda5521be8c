// An uncaught error in a worker becomes the Worker's 'error' event, class and properties kept;
// bad arguments fail as in Node.
const { Worker } = require('worker_threads');
const w = new Worker(`const e = new RangeError('too far'); e.code = 'E_FAR'; throw e;`, { eval: true });
w.on('error', (e) => console.log('error:', e instanceof RangeError, e.message, e.code));
w.on('exit', (code) => console.log('exit', code));
try { new Worker('relative.js'); } catch (e) { console.log(e.code); }
try { new Worker(42); } catch (e) { console.log(e.code); }
try { new Worker('x', { eval: true, env: 5 }); } catch (e) { console.log(e.code); }

// A worker that runs out of its heap ends alone, with ERR_WORKER_OUT_OF_MEMORY.
const { Worker } = require('worker_threads');
const w = new Worker('const a = []; while (true) a.push(new Array(1e5).fill(1.5));',
  { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } });
w.on('error', (e) => console.log(e.code, e.message));
w.on('exit', (code) => console.log('exit', code, 'and the process lives on'));

// A child's stdout pipe unref'd, with the child itself unref'd, no longer keeps the program
// alive while the child runs on (esbuild's service child is started so); ref() takes it back,
// and data still arrives while something else keeps the loop alive.
const { spawn } = require('child_process');

const child = spawn('cat', [], { stdio: ['pipe', 'pipe', 'inherit'] });
console.log('ref/unref are methods', typeof child.stdout.ref, typeof child.stdout.unref);
console.log('unref returns the stream', child.stdout.unref() === child.stdout, child.stdout.ref() === child.stdout);
child.stdout.on('data', (d) => {
  console.log('echoed', JSON.stringify(d.toString()));
  // Nothing else refs the loop now: the program ends with cat still running (it reads stdin).
  child.unref();
  child.stdout.unref();
  if (child.stdin.unref) child.stdin.unref();
  setTimeout(() => console.log('timer after unref'), 10);
});
child.stdin.write('hello\n');
process.on('exit', (code) => console.log('exit with cat still running', child.exitCode === null, code));

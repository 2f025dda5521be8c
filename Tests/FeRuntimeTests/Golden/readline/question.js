// question(), prompt() and setPrompt() write to the output; answers come from the input.
const readline = require('readline');
const rlp = require('readline/promises');
const util = require('util');
const { PassThrough } = require('stream');

function setup(mod = readline, options = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => { written += d; });
  const rl = mod.createInterface({ input, output, ...options });
  return { input, rl, written: () => JSON.stringify(written) };
}

(async () => {
  {
    const { input, rl, written } = setup();
    rl.on('line', (l) => console.log('line event', l));
    rl.question('Name? ', (answer) => {
      console.log('answer', answer);
      rl.question('Age? ', (age) => {
        console.log('age', age);
        rl.setPrompt('$ ');
        rl.prompt();
        input.write('after questions\n');
        setImmediate(() => {
          console.log('written', written(), rl.getPrompt());
          rl.close();
        });
      });
      input.write('42\n');
    });
    rl.question('ignored while pending? ', () => console.log('never'));
    input.write('Ada\n');
    await new Promise((resolve) => rl.on('close', resolve));
    try {
      rl.question('again?', () => {});
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
  {
    const { input, rl, written } = setup(readline, { prompt: '> ' });
    const question = util.promisify(rl.question).bind(rl);
    const p = question('promisified? ');
    input.write('yes\n');
    console.log('promisified', await p, written());
    const ac = new AbortController();
    const q = question('abort me ', { signal: ac.signal });
    ac.abort();
    await q.catch((e) => console.log('aborted', e.name, e.code));
    rl.close();
  }
  {
    const { input, rl, written } = setup(rlp);
    const p = rl.question('promises? ');
    input.write('sure\n');
    console.log('promises', await p, written());
    const ac = new AbortController();
    const q = rl.question('cancel? ', { signal: ac.signal });
    ac.abort();
    await q.catch((e) => console.log('aborted', e.name, e.code, e.message));
    const pre = rl.question('pre? ', { signal: AbortSignal.abort() });
    await pre.catch((e) => console.log('pre-aborted', e.name));
    const next = rl.question('next? ');
    input.write('answered\n');
    console.log('next', await next, written());
    rl.close();
  }
  {
    // Events around pause/resume and close, and the signal option.
    const input = new PassThrough();
    const ac = new AbortController();
    const rl = readline.createInterface({ input, signal: ac.signal });
    for (const e of ['pause', 'resume', 'close']) rl.on(e, () => console.log('event', e, rl.paused, !!rl.closed));
    rl.pause();
    rl.pause();
    rl.resume();
    ac.abort();
    console.log('input paused', input.isPaused());
  }
  for (const bad of [() => readline.createInterface({ input: new PassThrough(), completer: 'x' }),
    () => readline.createInterface({ input: new PassThrough(), historySize: -1 }),
    () => readline.createInterface({ input: new PassThrough(), tabSize: 0 })]) {
    try {
      bad();
    } catch (e) {
      // historySize: -1 is ERR_INVALID_ARG_VALUE in Node 18 and ERR_OUT_OF_RANGE in Node 20.
      if (/historySize/.test(e.message)) console.log(e.name);
      else console.log(e.name, e.code, e.message);
    }
  }
})();

// for await over an interface's lines; break stops listening without closing it.
const readline = require('readline');
const { PassThrough } = require('stream');

async function collect(text, chunked) {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const done = (async () => {
    const lines = [];
    for await (const line of rl) lines.push(line);
    return lines;
  })();
  if (chunked) for (const c of text.match(/[\s\S]{1,3}/g)) input.write(c);
  input.end(chunked ? undefined : text);
  return done;
}

(async () => {
  console.log(await collect('alpha\nbeta\r\ngamma', false));
  console.log(await collect('one\ntwo\n\nfour\n', true));
  console.log(await collect('', false));

  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  setTimeout(() => input.write('a\nb\nc\n'), 5);
  for await (const line of rl) {
    console.log('got', line);
    if (line === 'b') break;
  }
  // Node 18 closes the interface here and Node 20 does not: only the listener is checked.
  console.log('after break', rl.listenerCount('line'));
  rl.close();

  // Lines that arrive while the loop body awaits are kept for it.
  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2 });
  setTimeout(() => { input2.write('1\n2\n3\n'); input2.end('4\n'); }, 5);
  for await (const line of rl2) {
    await new Promise((r) => setTimeout(r, 2));
    console.log('slow', line);
  }
  console.log('ended', rl2.closed);

  // An input error ends the loop with the error (Node 18 drops the lines still buffered, Node 20
  // yields them first).
  const input3 = new PassThrough();
  const rl3 = readline.createInterface({ input: input3 });
  setTimeout(() => { input3.write('x\n'); input3.destroy(new Error('boom')); }, 5);
  try {
    for await (const line of rl3) void line;
  } catch (e) {
    console.log('error', e.message);
  }
})();

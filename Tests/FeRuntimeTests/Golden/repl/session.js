// repl.start over plain streams: expressions, multi-line input, commands, errors, a custom
// eval and writer, and the context it evaluates in.
const repl = require('repl');
const { PassThrough } = require('stream');

function session(options, lines) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => { out += d; });
    const r = repl.start({ input, output, prompt: '> ', terminal: false, ...options });
    r.on('exit', () => resolve({ out, r }));
    for (const line of lines) input.write(`${line}\n`);
    input.end();
  });
}

(async () => {
  let { out } = await session({}, [
    '1 + 2', 'const o = { a: [1, 2], s: "x" }', 'o', '_', 'function f(a) {', '  return a * 2;', '}', 'f(21)',
    '.break', 'let y = 5; y * y', 'throw new TypeError("bad input")', 'undefinedName',
    '[1, 2, 3].map((n) =>', '  n + 1)', '.editor',
  ]);
  // Error lines carry a stack only under some Node versions: keep the first line of each.
  console.log(out.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n'));

  ({ out } = await session({ eval: (cmd, ctx, file, cb) => cb(null, `echo:${cmd.trim()}`) }, ['hello', 'world']));
  console.log(JSON.stringify(out));

  ({ out } = await session({ writer: (v) => `<${typeof v}>`, ignoreUndefined: true }, ['42', 'undefined', '"s"']));
  console.log(JSON.stringify(out));

  const { out: o2, r } = await session({ useGlobal: false }, ['typeof require', 'typeof fromOutside', 'fromOutside']);
  console.log(JSON.stringify(o2));
  console.log(typeof r.context, typeof r.defineCommand, repl.REPL_MODE_STRICT !== repl.REPL_MODE_SLOPPY);

  const input = new PassThrough(), output = new PassThrough();
  let text = '';
  output.on('data', (d) => { text += d; });
  const s = repl.start({ input, output, prompt: '$ ', terminal: false });
  s.context.fromOutside = 'visible';
  s.defineCommand('hi', { help: 'Say hi', action(name) { this.output.write(`hi ${name}\n`); this.displayPrompt(); } });
  input.write('fromOutside\n.hi there\n');
  input.end('.exit\n');
  s.on('exit', () => console.log(JSON.stringify(text)));
})();

// A terminal interface edits the line itself: what it writes back for each key, the lines it
// emits, history and completion. (terminal: true with plain streams, so this runs anywhere.)
const readline = require('readline');
const { PassThrough } = require('stream');

function session(options, keys, done) {
  const input = new PassThrough();
  const output = new PassThrough();
  output.columns = options.columns;
  let written = '';
  output.on('data', (d) => { written += d; });
  const rl = readline.createInterface({ input, output, terminal: true, ...options });
  const events = [];
  rl.on('line', (l) => events.push(`line ${JSON.stringify(l)}`));
  rl.on('history', (h) => events.push(`history ${JSON.stringify(h)}`));
  rl.on('close', () => events.push('close'));
  rl.on('SIGINT', () => events.push('SIGINT'));
  rl.prompt();
  let i = 0;
  const step = () => {
    if (i < keys.length) {
      input.write(keys[i++]);
      setTimeout(step, 1);
      return;
    }
    console.log(JSON.stringify(written));
    console.log(events.join(' | '), '| line', JSON.stringify(rl.line), 'cursor', rl.cursor);
    rl.close();
    done();
  };
  step();
}

const left = '\x1b[D', right = '\x1b[C', up = '\x1b[A', down = '\x1b[B', home = '\x1b[H', end = '\x1b[F';
const tests = [
  [{}, ['hello', left, left, 'X', '\x7f', home, '>', end, '!', '\r']],
  [{ prompt: 'p$ ' }, ['one\r', 'two\r', 'three\r', up, up, down, '\r', up, '\x01', '\x05', '\x15', 'new\r']],
  [{ historySize: 2, removeHistoryDuplicates: true }, ['a\r', 'b\r', 'a\r', 'c\r', up, up, up, '\r']],
  [{}, ['word one two', '\x17', '\x17', '\x1bb', '\x1bf', '\x1b[1;5D', '\x0b', 'X', '\x04', '\x02', '\x06', '\r']],
  [{}, ['abc', '\x03']],
  [{}, ['', '\x04']],
  [{}, ['typed', '\x03', '\r']],
  // Wrapped lines are typed a key at a time: for a longer read Node 18 and 20 redraw differently.
  [{ columns: 10 }, [...'0123456789abcdefghij', left, left, 'Y', '\r']],
  [{ columns: 10 }, [...'0123456789abcdefghij', left, left, 'Y', '\x7f', up, '\r']],
  [{ columns: 8 }, ['ab', end, ...'typed at the end', '\r']],
  [{ completer: (line) => [['apple', 'apricot', 'banana'].filter((c) => c.startsWith(line)), line] }, ['a', '\t', 'p', '\t', '\t', 'r\t', '\r']],
  [{ completer: (line, cb) => cb(null, [['one', 'two'], line]) }, ['\t', '\t', 'o\t', '\r']],
  [{}, ['pasted\nlines\r\nin one read\r']],
  [{}, ['wide 日本', left, 'x', '\r', 'tab\there', '\r']],
  [{ history: ['old2', 'old1'] }, [up, up, '\r']],
];
let t = 0;
const run = () => {
  if (t < tests.length) {
    const [options, keys] = tests[t++];
    session(options, keys, run);
  }
};
run();

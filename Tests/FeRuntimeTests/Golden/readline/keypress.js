// emitKeypressEvents turns terminal input into keypress events with Node's names.
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
readline.emitKeypressEvents(input);
readline.emitKeypressEvents(input); // a second call changes nothing
const seen = [];
input.on('keypress', (s, key) => {
  const { name, ctrl, meta, shift, sequence, code } = key;
  seen.push(JSON.stringify([s, name, ctrl, meta, shift, sequence, code]));
});
const sequences = ['a', 'Z', '7', ' ', '\r', '\n', '\t', '\x7f', '\b', '\x03', '\x01', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D',
  '\x1bOA', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[3~', '\x1b[5~', '\x1b[6~', '\x1bOP', '\x1b[15~', '\x1b[24~',
  '\x1b[1;5C', '\x1b[1;2A', '\x1b[1;3D', '\x1b[3;5~', '\x1b[Z', '\x1b[a', '\x1bOc', '\x1b[[A', '\x1bb', '\x1bB',
  '\x1b\x7f', '\x1b ', '\x1b\x1b[A', '.', 'é', '😀', '\x1b[99X', '\x1b[200~', '\x1b[201~', '\x1b[123~', '\x1b[12;5~', '\x1b[1234~', '\x1b[200;5~'];
let i = 0;
const next = () => {
  if (i < sequences.length) {
    input.write(sequences[i++]);
    setImmediate(next);
  } else {
    // Several keys in one read, and an escape sequence split across reads.
    input.write('ab\x1b[D');
    input.write('\x1b[');
    input.write('C');
    setImmediate(() => {
      console.log(seen.join('\n'));
    });
  }
};
next();

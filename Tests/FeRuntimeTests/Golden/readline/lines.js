// readline over a stream without a terminal: 'line' for each of \n, \r\n and a lone \r, even
// split across reads; the last unterminated line at the end; then 'close'.
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
console.log(rl.terminal, rl.line, rl.historySize, rl.crlfDelay, JSON.stringify(rl.getPrompt()), Object.keys(rl).filter((k) => !k.startsWith('_')).join(' '));
const lines = [];
rl.on('line', (line) => lines.push(line));
rl.on('pause', () => lines.push('<pause>'));
rl.on('close', () => {
  console.log(JSON.stringify(lines));
  console.log('closed', rl.closed, rl.paused);
  second();
});
const utf8 = Buffer.from('naïve ☃ 😀\n');
const chunks = ['one\ntwo\r\nthr', 'ee\rfour\r', '\nfive\n\n', utf8.subarray(0, 3), utf8.subarray(3, 10), utf8.subarray(10), 'six\u2028still six\r\n', 'last without newline'];
let i = 0;
const feed = () => {
  if (i < chunks.length) {
    input.write(chunks[i++]);
    setImmediate(feed);
  } else {
    input.end();
  }
};
setImmediate(feed);

// A line listener that closes the interface; write() on a non-terminal interface.
function second() {
  const input2 = new PassThrough();
  const rl2 = readline.createInterface(input2, null);
  rl2.on('line', (line) => {
    console.log('line2', line);
    if (line === 'stop') rl2.close();
  });
  rl2.on('close', () => {
    console.log('close2');
    try {
      rl2.write('more\n');
    } catch (e) {
      console.log(e.code, e.message);
    }
  });
  rl2.write('from write\n');
  input2.write('a\nstop\nafter stop\n');
}

// The cursor helpers are ANSI writes; readline/promises Readline batches them until commit().
const readline = require('readline');
const { Readline } = require('readline/promises');
const { PassThrough } = require('stream');

const out = new PassThrough();
let written = [];
out.on('data', (d) => written.push(d.toString()));
const flush = (label) => { console.log(label, JSON.stringify(written.join(''))); written = []; };

console.log(readline.clearLine(out, -1), readline.clearLine(out, 1), readline.clearLine(out, 0));
readline.cursorTo(out, 3);
readline.cursorTo(out, 3, 5);
readline.moveCursor(out, -2, 0);
readline.moveCursor(out, 4, -1);
readline.moveCursor(out, 0, 7);
readline.clearScreenDown(out);
setImmediate(() => {
  flush('callbacks api');
  console.log(readline.cursorTo(null, 1), readline.moveCursor(out, 0, 0), readline.clearLine(undefined, 0), readline.cursorTo(out));
  readline.moveCursor(null, 1, 1, (err) => console.log('callback', err));
  for (const bad of [() => readline.cursorTo(out, NaN), () => readline.cursorTo(out, undefined, 2), () => readline.clearLine(out, 0, 'cb')]) {
    try {
      bad();
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }

  const rl = new Readline(out);
  rl.cursorTo(0).moveCursor(2, 3).clearLine(0).clearScreenDown().cursorTo(1, 2);
  setImmediate(async () => {
    flush('before commit');
    await rl.commit();
    flush('after commit');
    rl.clearLine(-1).rollback();
    await rl.commit();
    flush('rolled back');
    const auto = new Readline(out, { autoCommit: true });
    auto.clearLine(1).moveCursor(-1, 0);
    await new Promise((r) => setImmediate(r));
    flush('autoCommit');
    try {
      rl.clearLine(2);
    } catch (e) {
      console.log(e.code, e.message);
    }
  });
});

// Tight loops of Node-API calls (bench/napi.sh): prints one JSON line of milliseconds.
'use strict';
const addon = require(process.argv[2]);
const N = 5e6;
function time(fn) {
  fn(N / 10); // warm-up: the same code, optimised before the timed run
  const t0 = process.hrtime.bigint();
  fn(N);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
let sink = 0;
const trivial = time((n) => { for (let i = 0; i < n; i++) sink += addon.add(i, 1); });
const buf = Buffer.alloc(64, 7);
const buffer = time((n) => { for (let i = 0; i < n; i++) sink += addon.firstByte(buf); });
if (sink === 0) throw new Error('unreachable');
console.log(JSON.stringify({ add_5M: trivial, firstByte_buffer_5M: buffer }));

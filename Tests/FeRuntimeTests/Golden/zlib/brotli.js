// Brotli: the same bytes as Node's (fe uses the system's brotli 1.0.9, Node 20 its own 1.1.0:
// qualities 2 to 4 differ, the default 11 and the others do not), streams too.
const zlib = require('zlib');
const crypto = require('crypto');
const digest = (b) => `${crypto.createHash('sha256').update(b).digest('hex').slice(0, 16)} ${b.length}`;

let text = '';
for (let i = 0; i < 5000; i++) text += `{"id":${i},"name":"item ${i % 97}","tags":["a${i % 7}","b${i % 11}"]}\n`;
const data = Buffer.from(text);
const { BROTLI_PARAM_QUALITY, BROTLI_PARAM_LGWIN, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT, BROTLI_PARAM_SIZE_HINT } = zlib.constants;
for (const params of [{}, { [BROTLI_PARAM_QUALITY]: 0 }, { [BROTLI_PARAM_QUALITY]: 6 }, { [BROTLI_PARAM_QUALITY]: 9, [BROTLI_PARAM_LGWIN]: 18 },
  { [BROTLI_PARAM_MODE]: BROTLI_MODE_TEXT, [BROTLI_PARAM_SIZE_HINT]: data.length }]) {
  const compressed = zlib.brotliCompressSync(data, { params });
  console.log(JSON.stringify(params), digest(compressed), zlib.brotliDecompressSync(compressed).equals(data));
}
console.log(zlib.brotliCompressSync('').toString('hex'), zlib.brotliCompressSync('hello').toString('hex'));

const stream = zlib.createBrotliCompress({ params: { [BROTLI_PARAM_QUALITY]: 5 } });
const chunks = [];
stream.on('data', (c) => chunks.push(c));
stream.on('end', () => {
  const all = Buffer.concat(chunks);
  console.log('stream', digest(all), zlib.brotliDecompressSync(all).equals(data));
  const truncated = all.subarray(0, all.length >> 1);
  try {
    zlib.brotliDecompressSync(truncated);
  } catch (e) {
    console.log(e.code, e.errno, e.message);
  }
  zlib.brotliDecompress(truncated, (err) => console.log('async', err.code, err.message));
});
for (let i = 0; i < data.length; i += 10000) stream.write(data.subarray(i, i + 10000));
stream.end();

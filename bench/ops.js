// Op round-trip cost, timed inside the program (startup excluded), identical under fe and node.
const fs = require('fs');
const path = require('path');
const os = require('os');
const file = path.join(os.tmpdir(), `fe-bench-ops-${process.pid}.txt`);
fs.writeFileSync(file, 'small file\n');
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const results = {};
  let t = now();
  for (let i = 0; i < 100000; i++) fs.statSync(file);
  results.statSync_100k = now() - t;

  t = now();
  for (let i = 0; i < 10000; i++) await fs.promises.readFile(file);
  results.readFile_10k = now() - t;

  t = now();
  await new Promise((resolve) => {
    let left = 10000;
    for (let i = 0; i < 10000; i++) setTimeout(() => { if (--left === 0) resolve(); }, 0);
  });
  results.timers_10k = now() - t;
  fs.unlinkSync(file);
  console.log(JSON.stringify(results));
}
main();

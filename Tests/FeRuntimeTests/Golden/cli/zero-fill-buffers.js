// --zero-fill-buffers: Buffer.allocUnsafe and allocUnsafeSlow hand out zeroed memory, even right
// after buffers with other bytes were dropped (memory a pool or the allocator could reuse).
const { spawnSync } = require('child_process');
const code = `
  let nonzero = 0;
  for (let i = 0; i < 200; i++) {
    Buffer.allocUnsafe(100).fill(0xab);
    Buffer.allocUnsafeSlow(4096).fill(0xcd);
    for (const b of [Buffer.allocUnsafe(100), Buffer.allocUnsafe(3000), Buffer.allocUnsafeSlow(4096), Buffer.allocUnsafeSlow(1 << 16)]) {
      if (b.some((x) => x !== 0)) nonzero++;
    }
  }
  console.log('non-zero buffers:', nonzero);
`;
const r = spawnSync(process.execPath, ['--zero-fill-buffers', '-e', code], { encoding: 'utf8' });
console.log(r.status, r.stdout.trim());

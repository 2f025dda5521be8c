// --cpu-prof and --heap-prof through process.execPath: a profile of the whole run written at
// exit (also after process.exit), named as Node names it or as asked, and the settings refused
// without their profiler.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-golden-prof-'));
const work = `
  function busyWork() { let s = ''; for (let i = 0; i < 20000; i++) s += JSON.stringify({ i, t: 'x'.repeat(i % 50) }); return s.length; }
  const end = Date.now() + 200; while (Date.now() < end) busyWork();
`;
const run = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: dir });
  console.log(JSON.stringify(args.filter((a) => !a.includes('busyWork'))), '->', r.status, JSON.stringify(r.stderr.trim().replace(process.execPath, 'node')));
  return r;
};
const names = (node, out = new Set()) => {
  out.add(node.callFrame.functionName);
  for (const child of node.children || []) names(child, out);
  return out;
};
const listed = () => fs.readdirSync(dir).sort();

run(['--cpu-prof', '-e', work]);
const [cpuFile] = listed();
console.log(/^CPU\.\d{8}\.\d{6}\.\d+\.0\.001\.cpuprofile$/.test(cpuFile));
const cpu = JSON.parse(fs.readFileSync(path.join(dir, cpuFile), 'utf8'));
console.log(Object.keys(cpu).sort().join(), cpu.nodes.some((n) => n.callFrame.functionName === 'busyWork'));
fs.rmSync(path.join(dir, cpuFile));

run(['--heap-prof', '--heap-prof-dir', 'heap', '--heap-prof-name', 'h.heapprofile', '--heap-prof-interval', '128',
  '-e', work + 'process.exit(3)']);
const heap = JSON.parse(fs.readFileSync(path.join(dir, 'heap', 'h.heapprofile'), 'utf8'));
console.log(Object.keys(heap).sort().join(), names(heap.head).has('busyWork'));

run(['--cpu-prof-name', 'x.cpuprofile', '-e', '0']);
run(['--heap-prof-dir', 'd', '-e', '0']);
run(['--heap-prof-interval', '64', '-e', '0']);
console.log(JSON.stringify(listed()));
fs.rmSync(dir, { recursive: true });

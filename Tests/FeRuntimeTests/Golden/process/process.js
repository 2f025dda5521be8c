console.log(process.argv.length >= 2, typeof process.argv[0], process.argv[1].endsWith('process.js'));
console.log(typeof process.env.PATH, process.env.NO_COLOR, process.env.FE_GOLDEN_MISSING);
console.log(process.cwd() === __dirname);
process.chdir('..');
console.log(process.cwd() === require('path').dirname(__dirname));
process.chdir(__dirname);
console.log(process.platform, process.arch, typeof process.pid, process.pid > 0);
console.log(typeof process.version, process.version.startsWith('v'), typeof process.versions.v8);
const [s, ns] = process.hrtime();
console.log(typeof s, typeof ns, typeof process.hrtime.bigint());
const t0 = process.hrtime();
console.log(process.hrtime(t0)[0] >= 0);
console.log(typeof process.memoryUsage().rss, process.memoryUsage().rss > 0);
console.log(typeof process.uptime());
console.log(process.exitCode, typeof process.stdout.write, process.stdout.write('written\n'));
try { process.chdir('/definitely/not/here'); } catch (e) { console.log(e.code, e.syscall); }
process.nextTick((a, b) => console.log('tick', a, b), 1, 2);
process.exitCode = 0;

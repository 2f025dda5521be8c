// What an uncaught exception prints (Node's ReportFatalException), run in a child: the 'exit'
// listeners first, then the line it was thrown from with a caret, the error, and the version.
// Frames inside the runtime (node:internal, fe:) and the version number are left out.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fatal-report-'));
const cases = {
  'main-throw.js': 'process.on("exit", (c) => console.error("exit handler", c));\nfunction f() {\n  throw new Error("top");\n}\nf();\n',
  'main-throw-handled.js': 'process.on("uncaughtException", (e) => console.error("handled", e.message));\nthrow new Error("top");\n',
  'timer-throw.js': 'setTimeout(() => {\n  null.x;\n});\n',
  'primitive.js': 'throw "abc";\n',
  'object.js': 'throw { a: 1 };\n',
  'rejection.js': 'const x = 0;\nPromise.reject(new RangeError("r"));\n',
  'esm-throw.mjs': 'const x = 1;\nthrow new TypeError("esm");\n',
  'exit-code.js': 'process.on("exit", () => { process.exitCode = 3; });\nthrow new Error("code");\n',
};
for (const [name, source] of Object.entries(cases)) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  const stderr = r.stderr
    .split('\n')
    .filter((line) => !/^\s+at .*(node:|fe:)/.test(line))
    .join('\n')
    .replaceAll(path.dirname(file), '<dir>')
    .replace(/^Node\.js v[\d.]+$/m, 'Node.js <version>');
  console.log(`== ${name}: exit ${r.status}`);
  console.log(stderr);
}
fs.rmSync(dir, { recursive: true });

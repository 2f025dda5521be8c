// fe-only: a Node builtin fe does not have fails at the require that names it.
const Module = require('module');
for (const name of ['worker_threads', 'node:http2', 'cluster', 'dgram', 'inspector', 'v8', 'wasi', 'node:test', 'repl']) {
  try {
    require(name);
    console.log(name, 'loaded');
  } catch (e) {
    console.log(name, e.code, e.message, Module.isBuiltin(name));
  }
}
for (const name of ['node:nope', 'test', 'nope_not_a_module']) {
  try {
    require(name);
  } catch (e) {
    console.log(name, e.code, e.message.split('\n')[0], Module.isBuiltin(name));
  }
}
import('node:worker_threads').catch((e) => console.log('import', e.code, e.message.includes("'worker_threads'")));

// fe-only: a Node builtin fe does not have fails at the require that names it.
// node:test is Node's own runner, vendored (Golden/test_runner); bare 'test' is not a builtin.
const Module = require('module');
for (const name of ['wasi', 'node:wasi']) {
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
import('node:wasi').catch((e) => console.log('import', e.code, e.message.includes("'wasi'")));

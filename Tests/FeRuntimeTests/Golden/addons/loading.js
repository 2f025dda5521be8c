// fe-only: the messages for addons fe cannot load are fe's own (Node crashes or names its ABI).
// process.dlopen and require() of .node files: a Node-API addon loads; every way a load fails
// gives one ERR_DLOPEN_FAILED error saying why. The addons are compiled here with gcc against
// libnode-dev's headers.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-addons-'));
const include = path.resolve(__dirname, '../../../../.deps/libnode/include');
function build(name, source) {
  const c = path.join(dir, name + '.c');
  fs.writeFileSync(c, source);
  const out = path.join(dir, name + '.node');
  execFileSync('gcc', ['-shared', '-fPIC', '-w', '-I' + include, '-o', out, c], { env: { PATH: '/usr/bin:/bin' } });
  return out;
}
function attempt(label, file) {
  try {
    const module = { exports: {} };
    process.dlopen(module, file);
    console.log(label, 'loaded:', module.exports);
  } catch (e) {
    console.log(label, e.code, e.message.split(dir).join('<dir>'));
  }
}

console.log('napi version', process.versions.napi);

const hello = build('hello', `
#include <node_api.h>
static napi_value Hello(napi_env env, napi_callback_info info) {
  napi_value s; napi_create_string_utf8(env, "world", NAPI_AUTO_LENGTH, &s); return s;
}
NAPI_MODULE_INIT() {
  napi_value fn; napi_create_function(env, "hello", NAPI_AUTO_LENGTH, Hello, NULL, &fn);
  napi_set_named_property(env, exports, "hello", fn);
  return exports;
}`);
console.log('require:', require(hello).hello());
console.log('same module again:', require(hello) === require(hello));

attempt('missing file:', path.join(dir, 'missing.node'));
fs.writeFileSync(path.join(dir, 'text.node'), 'module.exports = 1;\n'.repeat(10));
attempt('not an ELF file:', path.join(dir, 'text.node'));
const elf32 = Buffer.alloc(128);
elf32.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]); // ELFCLASS32, little endian
elf32.writeUInt16LE(3, 16); elf32.writeUInt16LE(3, 18); elf32.writeUInt32LE(1, 20); elf32.writeUInt16LE(52, 40);
fs.writeFileSync(path.join(dir, 'elf32.node'), elf32);
attempt('32-bit ELF:', path.join(dir, 'elf32.node'));
attempt('missing Node-API function:', build('newer', `
#include <node_api.h>
extern napi_status napi_from_the_future(napi_env env);
NAPI_MODULE_INIT() { napi_from_the_future(env); return exports; }`));
attempt('Node C++ addon:', build('nan', `
void node_register_module_v108(void *exports, void *module, void *context) {}`));
attempt('no module in it:', build('plain', `int answer(void) { return 42; }`));
attempt('init throws:', build('throws', `
#include <node_api.h>
NAPI_MODULE_INIT() { napi_throw_error(env, "E_INIT", "init failed"); return NULL; }`));
try {
  process.dlopen({}, hello);
} catch (e) {
  console.log('no exports:', e.name, e.message);
}
fs.rmSync(dir, { recursive: true });

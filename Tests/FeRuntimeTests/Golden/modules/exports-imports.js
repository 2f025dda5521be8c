// require() with package.json "exports" (conditions, patterns, null targets) and "imports",
// self-reference, require.resolve with paths, the Module internals tools patch, and the errors.
const fs = require('fs');
const path = require('path');
const os = require('os');
const Module = require('module');
const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fe-exports-')));
const write = (rel, text) => { fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }); fs.writeFileSync(path.join(root, rel), text); };
write('app/package.json', JSON.stringify({ name: 'app', exports: { '.': './main.js', './feature/*': './features/*.js' }, imports: { '#util': './lib/util.js', '#dep': 'dep', '#cfg/*': './cfg/*.json' } }));
write('app/main.js', 'module.exports = "app main";');
write('app/features/x.js', 'module.exports = "feature x";');
write('app/lib/util.js', 'module.exports = "util";');
write('app/cfg/a.json', '{"a": 1}');
write('app/node_modules/dep/package.json', JSON.stringify({ name: 'dep', exports: { '.': { import: './esm.mjs', require: './cjs.js' }, './internal/*': null, './data/*.json': './data/*.json', './sub/': './sub/' } }));
write('app/node_modules/dep/cjs.js', 'module.exports = "dep cjs";');
write('app/node_modules/dep/data/d.json', '{"d": true}');
write('app/node_modules/dep/internal/secret.js', 'module.exports = "secret";');
write('app/node_modules/plain/index.js', 'module.exports = "plain";');
write('app/entry.js', 'module.exports = (r) => r(require);');
const entry = require(path.join(root, 'app/entry.js'));
const tryRequire = (id) => entry((req) => {
  try { console.log(id, '->', JSON.stringify(req(id))); } catch (e) { console.log(id, '->', e.code, e.message.split('\n')[0].split(root).join('<root>')); }
});
for (const id of ['app', 'app/feature/x', 'app/feature/y', 'app/nope', '#util', '#dep', '#cfg/a', '#missing', 'dep', 'dep/data/d.json', 'dep/internal/secret.js', 'dep/cjs.js', 'plain', 'nothing-here']) tryRequire(id);
const req = Module.createRequire(path.join(root, 'app/x.js'));
console.log(req.resolve('plain').replace(root, '<root>'), req.resolve('./main', { paths: [path.join(root, 'app')] }).replace(root, '<root>'));
console.log(Module._nodeModulePaths('/a/node_modules/b').join(' '));
console.log(Module._resolveLookupPaths('./x', { id: 'p', filename: '/p/q.js' }), Module._resolveLookupPaths('fs', null));
console.log(typeof Module._findPath, typeof Module._initPaths, Array.isArray(Module.globalPaths), Module.isBuiltin('node:fs'), Module.isBuiltin('nope'));
Module._extensions['.txt'] = (m, filename) => { m.exports = fs.readFileSync(filename, 'utf8').trim(); };
write('app/note.txt', 'a text module');
console.log(req('./note.txt'));
delete Module._extensions['.txt'];
fs.rmSync(root, { recursive: true });

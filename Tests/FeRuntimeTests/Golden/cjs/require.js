const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log(require('./fixtures/lib/data.json').answer, require('./fixtures/lib/data').answer);
console.log(require('./fixtures/lib'), require('./fixtures/lib/index.js') === require('./fixtures/lib'));
const a = require('./fixtures/lib/a');
console.log(a, rel(require.resolve('./fixtures/lib/a')));
console.log(require('./node_modules/plain').name);
const m = require('module');
const req = m.createRequire(path.join(__dirname, 'fixtures', 'x.js'));
console.log(req('plain').name, req('plain').dir, req('@scope/pkg')(), req('exp').kind, req('exp/feature'), req('exp/utils/a'));
try { req('exp/lib/index.js'); } catch (e) { console.log(e.code); }
try { require('./nope'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
try { req('not-installed'); } catch (e) { console.log(e.code); }
console.log(require.main === module, module.id, typeof require.cache[__filename], rel(module.filename));
console.log(m.builtinModules === undefined ? 'no list' : 'list', typeof m.createRequire, m.isBuiltin('fs'), m.isBuiltin('nope'));
console.log(rel(req.resolve('exp')), req.resolve('fs'), req.resolve.paths('x')[0] === path.join(__dirname, 'fixtures', 'node_modules'));
console.log(typeof require('node:fs').readFileSync, require('fs') === require('node:fs'));
console.log(this === module.exports, typeof __filename, path.basename(__dirname));
// module.builtinModules is Node's list: every name isBuiltin accepts, none with the node: prefix.
const list = m.builtinModules;
console.log(Array.isArray(list), list.includes('fs'), list.includes('http'), list.includes('fs/promises'), list.some((n) => n.startsWith('node:')));
console.log(list.every((n) => m.isBuiltin(n)), list.includes('worker_threads'));

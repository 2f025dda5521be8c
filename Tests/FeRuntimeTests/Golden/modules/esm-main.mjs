import { helper, value } from './fixtures/helper.mjs';
import data from './fixtures/data.json' assert { type: 'json' };
import path, { join } from 'node:path';
import * as os from 'os';
console.log(helper(2), value, data.name, data.list.length);
console.log(join('a', 'b'), typeof path.resolve, typeof os.platform);
console.log(import.meta.url.startsWith('file:///'), import.meta.url.endsWith('/esm-main.mjs'));
const dyn = await import('./fixtures/helper.mjs');
console.log(dyn.value, dyn.helper === helper);
try { await import('./fixtures/missing.mjs'); } catch (e) { console.log('missing', e.code); }
const tla = await new Promise((r) => setTimeout(() => r('tla done'), 5));
console.log(tla);

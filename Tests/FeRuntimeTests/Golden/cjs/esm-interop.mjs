import plainDefault, { name } from './node_modules/plain/main.js';
import * as exp from 'exp';
import { kind } from 'exp';
import feature from 'exp/feature';
import { createRequire } from 'node:module';
import data from './fixtures/lib/data.json' assert { type: 'json' };
console.log(plainDefault.name, name, exp.kind, kind, feature, data.answer);
const require = createRequire(import.meta.url);
console.log(require('./fixtures/lib/data.json').answer, require('plain').name);
try { await import('not-installed'); } catch (e) { console.log(e.code); }

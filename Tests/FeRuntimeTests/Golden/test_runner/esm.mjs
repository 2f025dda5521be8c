// node:test from an ES module: the import resolves `node:test` (bare `test` is a package name).
import { test } from 'node:test';
import assert from 'node:assert';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk).replace(/duration_ms:? [0-9.]+/g, 'duration_ms *'), ...rest);
test('imported', () => assert.strictEqual(typeof test.describe, 'function'));

// An assertion that nobody catches ends the process with exit code 1.
const assert = require('assert');
console.log('before');
assert.strictEqual(1 + 1, 3);
console.log('not reached');

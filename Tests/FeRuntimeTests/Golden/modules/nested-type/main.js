// The package's only "type" key is nested: this file and what it loads are CommonJS, whether it
// is the entry file, required, or imported.
const { twice } = require('./fixtures/twice.js');
console.log('entry is CommonJS:', typeof module, typeof require);
console.log('required:', twice(21));
import('./fixtures/twice.js').then((ns) => console.log('imported as CommonJS:', ns.default.twice(4), typeof ns.twice));

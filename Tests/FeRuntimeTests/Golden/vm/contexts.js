// vm contexts: a contextified object is the global of the code run in it, both ways.
const vm = require('vm');
const util = require('util');

const sandbox = { count: 0, name: 'fe' };
const ctx = vm.createContext(sandbox);
console.log('same object', ctx === sandbox, vm.isContext(ctx), vm.isContext({}));

// Declarations and assignments in the context land on the sandbox.
vm.runInContext('var declared = 1; function inc() { count++; } assigned = 2; this.viaThis = 3; globalThis.viaGlobal = 4;', ctx);
console.log(Object.keys(sandbox));
// Functions made in the context keep reading and writing the sandbox afterwards.
sandbox.inc();
sandbox.inc();
console.log('count', sandbox.count);
sandbox.count = 10;
sandbox.inc();
console.log('count', vm.runInContext('count', ctx));

// Reads see the sandbox first, then the context's own builtins; deletes go to the sandbox.
console.log(vm.runInContext('typeof Array + " " + typeof name + " " + name', ctx));
vm.runInContext('delete assigned', ctx);
console.log('assigned' in sandbox, vm.runInContext('typeof assigned', ctx));
console.log(vm.runInContext('Object.keys(globalThis).sort().join()', ctx));
console.log(vm.runInContext('"count" in globalThis', ctx), vm.runInContext('"nope" in globalThis', ctx));

// A context's global shows the sandbox's properties.
console.log(util.inspect(vm.runInNewContext('this', { a: 1, b: [2] })));

// Each context has its own builtins.
const arr = vm.runInNewContext('[1, 2, 3]');
console.log(Array.isArray(arr), arr instanceof Array, util.types.isDate(vm.runInNewContext('new Date(0)')));
console.log(vm.runInNewContext('Array === outer', { outer: Array }));
console.log(vm.runInNewContext('typeof require + typeof process + typeof setTimeout'));
console.log(vm.runInNewContext('typeof console'));

// Errors thrown in a context are that context's errors.
try {
  vm.runInNewContext('missing + 1', {});
} catch (e) {
  console.log(e.name, e.message, e instanceof ReferenceError, util.types.isNativeError(e));
}
try {
  vm.runInNewContext('"use strict"; undeclared = 1', {});
} catch (e) {
  console.log(e.name, e.message);
}
const sloppy = {};
vm.runInNewContext('undeclared = 1', sloppy);
console.log(sloppy);

// runInNewContext makes a context of its argument.
const fresh = { x: 2 };
console.log(vm.runInNewContext('x * 21', fresh), vm.isContext(fresh));
console.log(vm.runInNewContext('typeof x'));

// A thrown value comes back untouched: nothing reads it on the way.
const counter = { reads: 0 };
try {
  vm.runInNewContext('throw { get probe() { counter.reads++; return 1; }, toString() { counter.reads++; return "x"; } }', { counter });
} catch (e) {
  console.log('thrown object', typeof e, counter.reads);
}

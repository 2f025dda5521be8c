// vm.Script, runInThisContext, compileFunction and argument checks.
const vm = require('vm');

globalThis.shared = 5;
const script = new vm.Script('typeof shared === "number" ? shared * 2 : "no shared: " + typeof shared', { filename: 'double.js' });
console.log(script.runInThisContext());
console.log(script.runInNewContext({ shared: 21 }));
console.log(script.runInNewContext());
const ctx = vm.createContext({ shared: 1 });
console.log(script.runInContext(ctx), script.runInContext(ctx));

// Module-level bindings are not visible to runInThisContext; globals are.
const local = 'local';
console.log(vm.runInThisContext('typeof local'), vm.runInThisContext('shared'));
console.log(vm.runInThisContext('var madeGlobal = 7; madeGlobal'), globalThis.madeGlobal);

// Completion values.
console.log(vm.runInThisContext('if (true) { "then" } else { "else" }'), vm.runInThisContext('let q = 1; q + 1'));

// Syntax errors are thrown when the script is made.
try {
  new vm.Script('let = = 1', { filename: 'bad.js' });
} catch (e) {
  console.log(e.name, e instanceof SyntaxError);
}

// compileFunction: parameters, extensions in scope, a parsing context.
const add = vm.compileFunction('return a + b + c', ['a', 'b'], { contextExtensions: [{ c: 100 }] });
console.log(add(1, 2), add.length);
const inCtx = vm.createContext({ base: 1000 });
const fromCtx = vm.compileFunction('return base + n', ['n'], { parsingContext: inCtx });
console.log(fromCtx(1));
inCtx.base = 2000;
console.log(fromCtx(2));

// A time limit stops the script, and only the script.
try {
  vm.runInNewContext('for (;;) {}', {}, { timeout: 20 });
} catch (e) {
  console.log(e.code, e.message);
}
console.log('still running', vm.runInThisContext('1 + 1'));

// Argument checks.
for (const f of [
  () => vm.runInContext('1', {}),
  () => new vm.Script('1').runInContext(null),
  () => vm.createContext('string'),
  () => vm.runInNewContext('1', {}, { timeout: 0 }),
  () => vm.compileFunction('return 1', 'a'),
  () => new vm.Script('1', { lineOffset: 'x' }),
]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
console.log(Object.keys(vm).join(' '));

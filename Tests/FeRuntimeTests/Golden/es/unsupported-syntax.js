// fe-only: syntax newer than V8 10.2 is a SyntaxError (V8's message), and what vm contexts have.
const vm = require('vm');
for (const [feature, src] of [['RegExp v flag', '/[\\p{L}--[a-z]]/v'], ['using declaration', '{ using x = null; }'],
  ['decorator', '@dec class A {}'], ['RegExp modifiers', '/(?i:a)b/'], ['duplicate named groups', '/(?<y>a)|(?<y>b)/']]) {
  try { new Function(src); console.log(feature, 'compiles'); } catch (e) { console.log(feature, '->', e.name + ':', e.message); }
}
try { new RegExp('a', 'v'); } catch (e) { console.log('new RegExp(_, "v") ->', e.name + ':', e.message); }
// The runtime's built-ins are in the main context; a vm context is V8's fresh one.
console.log('main:', typeof [].toSorted, typeof Object.groupBy, typeof globalThis.Iterator);
console.log('vm:', vm.runInNewContext('typeof [].toSorted + " " + typeof Object.groupBy + " " + typeof globalThis.Iterator'));

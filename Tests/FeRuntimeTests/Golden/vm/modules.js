// vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules): linking, evaluation
// in a context, import.meta, import() through importModuleDynamically, cached data, errors;
// and import() in vm code without the flag or without a callback.
const { spawnSync } = require('child_process');
const vm = require('vm');

const withoutFlag = async () => {
  console.log('SourceTextModule without the flag:', typeof vm.SourceTextModule);
  for (const [what, make] of [
    ['no callback', () => new vm.Script('import("fs")')],
    ['callback, no flag', () => new vm.Script('import("fs")', { importModuleDynamically: () => {} })],
  ]) {
    await make().runInThisContext().catch((e) => console.log(what, '->', e.code));
  }
};

const child = `
const vm = require('vm');
(async () => {
  const context = vm.createContext({ log: [] });
  const dep = new vm.SyntheticModule(['default', 'twice'], function () {
    this.setExport('default', 21);
    this.setExport('twice', (x) => x * 2);
  }, { context, identifier: 'dep' });
  const root = new vm.SourceTextModule(
    'import n, { twice } from "dep"; log.push(import.meta.tag, typeof globalThis.require); export const answer = twice(n);',
    { context, identifier: 'root', initializeImportMeta(meta, m) { meta.tag = m.identifier; } });
  console.log(root.status, root.dependencySpecifiers);
  await root.link(async (specifier, referrer) => { console.log('link', specifier, 'from', referrer.identifier); return dep; });
  console.log(root.status, dep.status);
  await root.evaluate();
  console.log(root.status, root.namespace.answer, context.log);

  // import() from a module: its importModuleDynamically answers.
  const dyn = new vm.SourceTextModule('export const p = import("virtual").then((ns) => ns.default);', {
    importModuleDynamically: async (specifier, referrer) => {
      const m = new vm.SyntheticModule(['default'], function () { this.setExport('default', specifier + ' for ' + referrer.identifier); });
      await m.link(() => {});
      await m.evaluate();
      return m;
    },
  });
  await dyn.link(() => {});
  await dyn.evaluate();
  console.log(await dyn.namespace.p);

  // A module that throws is errored, with its error.
  const bad = new vm.SourceTextModule('throw new TypeError("boom")');
  await bad.link(() => {});
  await bad.evaluate().catch((e) => console.log('evaluate:', e.message));
  console.log(bad.status, bad.error.message);

  // A linker that returns something else, and a syntax error.
  const lonely = new vm.SourceTextModule('import x from "y";');
  await lonely.link(() => ({})).catch((e) => console.log(e.code));
  try { new vm.SourceTextModule('export export'); } catch (e) { console.log(e.name); }

  // Cached data: taken for the same source, refused for another.
  const cachedData = new vm.SourceTextModule('const a = 1').createCachedData();
  new vm.SourceTextModule('const a = 1', { cachedData });
  try { new vm.SourceTextModule('differentSource', { cachedData }); } catch (e) { console.log(e.code); }

  // A timeout ends an endless module.
  const endless = new vm.SourceTextModule('while (true) {}');
  await endless.link(() => {});
  await endless.evaluate({ timeout: 50 }).catch((e) => console.log(e.code));
})();
`;

withoutFlag().then(() => {
  const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', '-e', child], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  console.log('exit', r.status, r.stderr);
});

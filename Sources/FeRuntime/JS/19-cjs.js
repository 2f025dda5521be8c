// CommonJS: Node's module system - require() with Node's resolution (relative files with
// .js/.json/.cjs, directories with package.json "main" or index.js, node_modules up the tree,
// package.json "exports" with the require/node/default conditions), require.cache,
// require.resolve, require.main, the module wrapper, cycles (partial exports), and
// module.createRequire / builtinModules. The wrapper is compiled natively (op_compile_cjs),
// so stack traces carry the file's real line and column.
// Uses from earlier files: 00-core.js (core, define, check); 01-inspect.js (inspect); 02-errors.js (typeError); 03-loop.js (describe); 05-process.js (process); 07-path.js (path); 09-url.js (fileURLToPath, URL); 10-builtins.js (registerBuiltin, requireBuiltin).
const cjs = (() => {
  const statKind = (p) => {
    const r = ops.op_fs_stat(p, true);
    if (r && r.__feError) return 0;
    const mode = r[1] & 0o170000;
    return mode === 0o040000 ? 2 : mode === 0o100000 ? 1 : 0;
  };
  const readText = (p) => ops.op_utf8_decode(check(ops.op_fs_read(p)));
  const packageCache = new Map();
  function readPackage(dir) {
    const file = path.join(dir, 'package.json');
    if (packageCache.has(file)) return packageCache.get(file);
    let pkg = null;
    if (statKind(file) === 1) {
      try { pkg = JSON.parse(readText(file)); } catch (e) {
        const err = new Error(`Invalid package config ${file}: ${e.message}`);
        err.code = 'ERR_INVALID_PACKAGE_CONFIG';
        throw err;
      }
      if (pkg === null || typeof pkg !== 'object') pkg = {};
    }
    packageCache.set(file, pkg);
    return pkg;
  }

  class Module {
    constructor(id = '', parent) {
      this.id = id;
      this.path = path.dirname(id);
      this.exports = {};
      this.filename = null;
      this.loaded = false;
      this.children = [];
      this.paths = [];
      define(this, 'parent', parent);
      if (parent && parent.children) parent.children.push(this);
    }
    require(id) {
      if (typeof id !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', `The "id" argument must be of type string. Received${describe(id)}`);
      if (id === '') throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received ''");
      return Module._load(id, this, false);
    }
    _compile(content, filename) {
      const fn = ops.op_compile_cjs(stripShebang(content), filename);
      const require = makeRequire(this);
      const dirname = path.dirname(filename);
      return Reflect.apply(fn, this.exports, [this.exports, require, this, filename, dirname]);
    }
  }
  const stripShebang = (s) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
  Module._cache = Object.create(null);
  Module._pathCache = Object.create(null);
  Module._extensions = Object.create(null);
  Module.builtinModules = core.nodeBuiltinNames.slice();
  Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
  Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
  Module.Module = Module;

  Module._extensions['.js'] = (module, filename) => {
    const content = readText(filename);
    if (filename.endsWith('.js')) {
      const pkg = nearestPackageType(path.dirname(filename));
      if (pkg === 'module') {
        const e = new Error(`require() of ES Module ${filename} not supported.\nInstead change the require to a dynamic import() which is available in all CommonJS modules.`);
        e.code = 'ERR_REQUIRE_ESM';
        throw e;
      }
    }
    module._compile(content, filename);
  };
  Module._extensions['.cjs'] = Module._extensions['.js'];
  Module._extensions['.json'] = (module, filename) => {
    const content = readText(filename);
    try {
      module.exports = JSON.parse(stripShebang(content));
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
  };
  Module._extensions['.node'] = (module, filename) => {
    const e = new Error(`Cannot load native addon ${filename}: fe runs JavaScript only`);
    e.code = 'ERR_DLOPEN_FAILED';
    throw e;
  };
  // The "type" of the nearest package.json ('module' or 'commonjs'), or null when it has none
  // (or there is none): the one answer for require() and for Swift's module loader.
  function nearestPackageType(dir) {
    for (;;) {
      const pkg = readPackage(dir);
      if (pkg) return pkg.type === 'module' || pkg.type === 'commonjs' ? pkg.type : null;
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }

  Module._nodeModulePaths = (from) => {
    from = path.resolve(from);
    if (from === '/') return ['/node_modules'];
    const parts = from.split('/');
    const out = [];
    for (let i = parts.length; i > 0; i--) {
      if (parts[i - 1] === 'node_modules') continue;
      out.push(parts.slice(0, i).join('/') + '/node_modules');
    }
    out.push('/node_modules');
    return out.map((p) => (p.startsWith('//') ? p.slice(1) : p));
  };

  const EXTS = ['.js', '.json', '.node', '.cjs'];
  function tryFile(p) { return statKind(p) === 1 ? ops.op_fs_realpath(p) : false; }
  function tryExtensions(p) {
    for (const ext of EXTS) { const f = tryFile(p + ext); if (f) return f; }
    return false;
  }
  function tryPackage(dir, request) {
    const pkg = readPackage(dir);
    const main = pkg && typeof pkg.main === 'string' && pkg.main;
    if (!main) return tryExtensions(path.join(dir, 'index'));
    const filename = path.resolve(dir, main);
    const found = tryFile(filename) || tryExtensions(filename) || tryExtensions(path.join(filename, 'index'));
    if (found) return found;
    const fallback = tryExtensions(path.join(dir, 'index'));
    if (fallback) return fallback;
    const e = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
    e.code = 'MODULE_NOT_FOUND';
    e.path = path.join(dir, 'package.json');
    e.requestPath = request;
    throw e;
  }
  function loadAsFileOrDirectory(p, request) {
    const kind = statKind(p);
    if (kind === 1) return ops.op_fs_realpath(p);
    const f = tryExtensions(p);
    if (f) return f;
    if (kind === 2) return tryPackage(p, request);
    return false;
  }

  // package.json "exports": conditions in order; subpath patterns with a single '*'.
  const CONDITIONS = ['require', 'node', 'default'];
  function resolveExportsTarget(pkgDir, target, subpathMatch, conditions) {
    if (typeof target === 'string') {
      if (!target.startsWith('./')) return null;
      const resolved = target.replace(/\*/g, subpathMatch || '');
      return path.join(pkgDir, resolved);
    }
    if (Array.isArray(target)) {
      for (const t of target) { const r = resolveExportsTarget(pkgDir, t, subpathMatch, conditions); if (r) return r; }
      return null;
    }
    if (target && typeof target === 'object') {
      for (const key of Object.keys(target)) {
        if (key === 'default' || conditions.includes(key)) {
          const r = resolveExportsTarget(pkgDir, target[key], subpathMatch, conditions);
          if (r) return r;
        }
      }
    }
    return null;
  }
  function resolveExports(pkgDir, exportsField, subpath, conditions, request) {
    let map = exportsField;
    if (typeof map === 'string' || Array.isArray(map) || (map && typeof map === 'object' && !Object.keys(map).some((k) => k.startsWith('.')))) {
      map = { '.': map };
    }
    let target;
    let match = null;
    if (Object.prototype.hasOwnProperty.call(map, subpath)) {
      target = map[subpath];
    } else {
      let best = '';
      for (const key of Object.keys(map)) {
        const star = key.indexOf('*');
        if (star === -1) continue;
        const prefix = key.slice(0, star), suffix = key.slice(star + 1);
        if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length && prefix.length > best.length) {
          best = prefix;
          target = map[key];
          match = subpath.slice(prefix.length, subpath.length - suffix.length);
        }
      }
    }
    const resolved = target === undefined ? null : resolveExportsTarget(pkgDir, target, match, conditions);
    if (!resolved) {
      const e = new Error(subpath === '.'
        ? `No "exports" main defined in ${path.join(pkgDir, 'package.json')}`
        : `Package subpath '${subpath}' is not defined by "exports" in ${path.join(pkgDir, 'package.json')}`);
      e.code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
      throw e;
    }
    return resolved;
  }
  function splitPackage(request) {
    const parts = request.split('/');
    const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    return { name, subpath: '.' + request.slice(name.length) };
  }
  function resolveFromNodeModules(request, dirs, conditions) {
    const { name, subpath } = splitPackage(request);
    for (const dir of dirs) {
      const pkgDir = path.join(dir, name);
      if (statKind(pkgDir) !== 2) continue;
      const pkg = readPackage(pkgDir);
      if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
        const file = resolveExports(pkgDir, pkg.exports, subpath, conditions, request);
        if (statKind(file) === 1) return ops.op_fs_realpath(file);
        continue;
      }
      const found = loadAsFileOrDirectory(path.join(dir, request), request);
      if (found) return found;
    }
    return false;
  }
  // A package's own name resolves through its "exports" (self-reference).
  function resolveSelf(request, fromDir, conditions) {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const pkg = readPackage(dir);
      if (pkg) {
        const { name, subpath } = splitPackage(request);
        if (pkg.name === name && pkg.exports !== undefined) return resolveExports(dir, pkg.exports, subpath, conditions, request);
        return false;
      }
      if (dir === '/') return false;
    }
  }

  Module._resolveFilename = (request, parent, isMain, options) => {
    if (core.isBuiltin(request)) return request.startsWith('node:') ? request : request;
    if (request.startsWith('node:')) {
      const e = new Error(`No such built-in module: ${request}`);
      e.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw e;
    }
    const parentDir = parent && parent.filename ? path.dirname(parent.filename) : process.cwd();
    const conditions = (options && options.conditions) || CONDITIONS;
    let found = false;
    if (request.startsWith('./') || request.startsWith('../') || request === '.' || request === '..' || request.startsWith('/')) {
      const bases = options && options.paths ? options.paths : [parentDir];
      for (const base of bases) {
        found = loadAsFileOrDirectory(path.resolve(base, request), request);
        if (found) break;
      }
    } else {
      found = resolveSelf(request, parentDir, conditions);
      if (!found) {
        const dirs = options && options.paths
          ? options.paths.flatMap((p) => Module._nodeModulePaths(p))
          : (parent && parent.paths && parent.paths.length ? parent.paths : Module._nodeModulePaths(parentDir));
        found = resolveFromNodeModules(request, dirs, conditions);
      }
    }
    if (!found) {
      const requireStack = [];
      for (let m = parent; m && m.filename; m = m.parent) requireStack.push(m.filename);
      const e = new Error(`Cannot find module '${request}'${requireStack.length ? `\nRequire stack:\n- ${requireStack.join('\n- ')}` : ''}`);
      e.code = 'MODULE_NOT_FOUND';
      e.requireStack = requireStack;
      throw e;
    }
    return found;
  };

  Module._load = (request, parent, isMain) => {
    if (core.isBuiltin(request)) return requireBuiltin(request);
    const filename = Module._resolveFilename(request, parent, isMain);
    const cached = Module._cache[filename];
    if (cached !== undefined) {
      if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
      return cached.exports;  // a cycle gets the partial exports, as in Node
    }
    const module = new Module(filename, parent);
    if (isMain) { module.id = '.'; cjsMain = module; }
    Module._cache[filename] = module;
    let threw = true;
    try {
      module.load(filename);
      threw = false;
    } finally {
      if (threw) {
        delete Module._cache[filename];
        if (parent && parent.children) {
          const i = parent.children.indexOf(module);
          if (i !== -1) parent.children.splice(i, 1);
        }
      }
    }
    return module.exports;
  };
  Module.prototype.load = function (filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(path.dirname(filename));
    const ext = path.extname(filename);
    const handler = Module._extensions[ext] || Module._extensions['.js'];
    handler(this, filename);
    this.loaded = true;
  };

  let cjsMain;
  function makeRequire(mod) {
    const require = (id) => mod.require(id);
    require.resolve = (request, options) => {
      if (core.isBuiltin(request)) return request;
      return Module._resolveFilename(request, mod, false, options);
    };
    require.resolve.paths = (request) => (core.isBuiltin(request) ? null : Module._nodeModulePaths(mod.filename ? path.dirname(mod.filename) : process.cwd()));
    require.cache = Module._cache;
    require.extensions = Module._extensions;
    Object.defineProperty(require, 'main', { get: () => cjsMain, enumerable: true, configurable: true });
    return require;
  }

  Module.createRequire = (filename) => {
    const file = filename instanceof URL || (typeof filename === 'string' && filename.startsWith('file:')) ? fileURLToPath(filename) : filename;
    if (typeof file !== 'string' || !path.isAbsolute(file)) {
      throw typeError('ERR_INVALID_ARG_VALUE', `The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received ${inspect(filename)}`);
    }
    const m = new Module(file, null);
    m.filename = file;
    m.paths = Module._nodeModulePaths(path.dirname(file));
    return makeRequire(m);
  };
  Module.isBuiltin = (name) => core.isBuiltin(name);
  Module.findPackageJSON = undefined;
  delete Module.findPackageJSON;
  Module.syncBuiltinESMExports = () => {};
  Module.register = () => {};

  // Runs an already compiled wrapper as the main module (entry files, tool bundles at blob
  // build time, fe.config.js): require.main, require.cache and relative requires as in Node.
  function runCompiledMain(fn, filename) {
    const module = new Module(filename, null);
    module.id = '.';
    module.filename = filename;
    module.paths = Module._nodeModulePaths(path.dirname(filename));
    cjsMain = module;
    Module._cache[filename] = module;
    Reflect.apply(fn, module.exports, [module.exports, makeRequire(module), module, filename, path.dirname(filename)]);
    module.loaded = true;
    return module.exports;
  }
  /// Loads a CommonJS file for an ES module import: its module.exports.
  function loadForImport(filename) {
    return Module._load(filename, null, false);
  }
  return { Module, runCompiledMain, loadForImport, makeRequire, packageType: nearestPackageType };
})();
registerBuiltin('module', cjs.Module);
core.cjsLoadForImport = cjs.loadForImport;

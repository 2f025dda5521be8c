// CommonJS: Node's module system with Node's algorithms (lib/internal/modules/cjs/loader.js) and
// the Module internals tools patch: Module._load, _resolveFilename, _findPath, _resolveLookupPaths,
// _nodeModulePaths, _initPaths/globalPaths (NODE_PATH, ~/.node_modules), _extensions (the
// longest registered extension wins), _cache, _pathCache, _stat, wrap/wrapper (a patched wrapper
// compiles through vm), require.resolve with `paths`, package.json "exports" and "imports" with
// conditions, patterns and null targets (the ES resolver's algorithm and errors), self-reference,
// cycles (partial exports, with Node's warning for missing properties) and ERR_REQUIRE_ESM.
// The wrapper is compiled natively (op_compile_cjs), so stack traces carry the file's real
// line and column.
// Uses from earlier files: 00-core.js (core, builtins, check); 01-inspect.js (inspect); 02-errors.js (nodeError, invalidArgType, invalidArgValue); 03-loop.js (asyncHooks, newAsyncId, defaultTriggerAsyncId, emitInit, emitBefore, emitAfter, emitDestroy, processTicksAndRejections, fatal); 05-process.js (process); 07-path.js (path); 08-fs.js (then, fs); 09-url.js (fileURLToPath, pathToFileURL, URL); 10-builtins.js (util, registerBuiltin, requireBuiltin); 11-buffer.js (Buffer).
const cjs = (() => {
  const readText = (p) => ops.op_utf8_decode(check(ops.op_fs_read(p)));
  const realpathOf = (p) => check(ops.op_fs_realpath(p, false));
  // Node's loader reads module files with fs.readFileSync and resolves them with fs.realpathSync,
  // so a program that patches those (a virtual file system) serves modules; unpatched, fe reads
  // directly.
  let fsModule;
  const fsFunctions = () => {
    if (fsModule === undefined) {
      fsModule = requireBuiltin('fs');
      fsFunctions.readFileSync = fsModule.readFileSync;
      fsFunctions.realpathSync = fsModule.realpathSync;
    }
    return fsModule;
  };
  function readModuleText(filename) {
    const fs = fsFunctions();
    return fs.readFileSync === fsFunctions.readFileSync ? readText(filename) : fs.readFileSync(filename, 'utf8');
  }
  // Node's internalModuleStat: 0 file, 1 directory, a negative errno otherwise.
  function stat(filename) {
    const r = ops.op_fs_stat(filename, true);
    if (r && r.__feError) return -2;
    const mode = r[1] & 0o170000;
    return mode === 0o040000 ? 1 : 0;
  }

  // package.json, read once per file; only the fields the loader uses, and only own ones (a
  // getter on Object.prototype must not answer for a missing "main").
  // Indexed loops throughout the resolver, never for-of: require() works even when
  // %Array.prototype%[@@iterator] was deleted (Node's loader uses primordials).
  const kPackageFields = ['name', 'main', 'exports', 'imports', 'type'];
  const packageCache = new Map();
  function readPackage(dir) {
    const file = path.join(dir, 'package.json');
    if (packageCache.has(file)) return packageCache.get(file);
    let pkg = null;
    if (stat(file) === 0) {
      let json;
      try { json = JSON.parse(readText(file)); } catch (e) {
        const err = new Error(`Invalid package config ${file}.${e.message ? ` ${e.message}` : ''}`);
        err.code = 'ERR_INVALID_PACKAGE_CONFIG';
        err.path = file;
        throw err;
      }
      pkg = Object.create(null);
      if (json !== null && typeof json === 'object') {
        for (let i = 0; i < kPackageFields.length; i++) {
          const k = kPackageFields[i];
          if (Object.prototype.hasOwnProperty.call(json, k)) pkg[k] = json[k];
        }
      }
      pkg.path = dir;
    }
    packageCache.set(file, pkg);
    return pkg;
  }
  // The nearest package.json at or above `dir` (stopping at node_modules, as Node's scope does).
  function readPackageScope(dir) {
    for (;;) {
      if (path.basename(dir) === 'node_modules') return null;
      const pkg = readPackage(dir);
      if (pkg) return pkg;
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
  // The "type" of the nearest package.json ('module' or 'commonjs'), or null: the one answer for
  // require() and for Swift's module loader.
  function nearestPackageType(dir) {
    const pkg = readPackageScope(dir);
    return pkg && (pkg.type === 'module' || pkg.type === 'commonjs') ? pkg.type : null;
  }

  // --experimental-policy: Node's policy manifest (internal/process/policy), set up at launch
  // before any module loads (60-globals.js); null without the option. What require() loads is
  // checked against it as Node's lib/internal/modules/cjs/loader.js and helpers.js do: integrity
  // of every file compiled, dependency redirection and restriction of each module's require.
  const policyManifest = () => (core.policy ? core.policy.manifest : null);
  // Node's options, read when a module is resolved (they are the launch's, not the snapshot's).
  const optionValue = (name) => core.nodeFlags?.options?.[name];
  // NODE_PRESERVE_SYMLINKS=1 in the environment the process (or a Worker) started with is
  // --preserve-symlinks (Node's HandleEnvOptions); core.preserveSymlinksEnv is set then.
  const preserveSymlinks = () => optionValue('--preserve-symlinks') === true || core.preserveSymlinksEnv === true;
  const preserveSymlinksMain = () => optionValue('--preserve-symlinks-main') === true;

  const moduleParents = new WeakMap();
  let moduleParentWarned = false;
  function warnModuleParent() {
    if (moduleParentWarned || !core.nodeFlags?.pendingDeprecation) return;
    moduleParentWarned = true;
    process.emitWarning('module.parent is deprecated due to accuracy issues. Please use require.main to find program entry point instead.',
      'DeprecationWarning', 'DEP0144');
  }
  class Module {
    constructor(id = '', parent) {
      this.id = id;
      this.path = path.dirname(id);
      // Defined, not assigned: a setter on Object.prototype is not run (Node's setOwnProperty).
      Object.defineProperty(this, 'exports', { value: {}, writable: true, enumerable: true, configurable: true });
      moduleParents.set(this, parent);
      if (parent && Array.isArray(parent.children) && !parent.children.includes(this)) parent.children.push(this);
      this.filename = null;
      this.loaded = false;
      this.children = [];
      const manifest = policyManifest();
      if (manifest) {
        // Node's: the module's own require, and the prototype's, restricted to its dependencies.
        const redirects = manifest.getDependencyMapper(pathToFileURL(id));
        setOwnProperty(this, 'require', makeRequire(this, redirects));
        setOwnProperty(Object.getPrototypeOf(this), 'require', makeRequire(this, redirects));
      }
    }
    // DEP0144 under --pending-deprecation, once for reads and writes alike (Node's deprecate).
    get parent() { warnModuleParent(); return moduleParents.get(this); }
    set parent(v) { warnModuleParent(); moduleParents.set(this, v); }
    require(id) {
      return internalRequire(this, id);
    }
    _compile(content, filename) {
      let redirects;
      const manifest = policyManifest();
      if (manifest) {
        const moduleURL = pathToFileURL(filename);
        redirects = manifest.getDependencyMapper(moduleURL);
        manifest.assertIntegrity(moduleURL, content);
      }
      let fn;
      if (wrapperPatched) {
        fn = requireBuiltin('vm').runInThisContext(Module.wrap(content),
          { filename, displayErrors: true, importModuleDynamically: core.vmModules.kUseMainLoader });
      } else {
        const source = stripBOM(content);
        fn = precompiled(filename, source) ?? ops.op_compile_cjs(source, filename, core.decorateErrorStack);
      }
      // Node's _compile: the module's source map, where it names one, for stack traces
      // (--enable-source-maps) and NODE_V8_COVERAGE's reports.
      if (core.sourceMapsEnabled || process.env.NODE_V8_COVERAGE) {
        core.sourceMapCache().maybeCacheSourceMap(filename, content, this, false, undefined, undefined);
      }
      const require = makeRequire(this, redirects);
      return callWrapper(fn, this, [this.exports, require, this, filename, path.dirname(filename)]);
    }
  }
  // Node's internalRequire: what a module's require() does, whatever its `require` property is now.
  function internalRequire(module, id) {
    if (typeof id !== 'string') throw invalidArgType('id', 'string', id);
    if (id === '') throw invalidArgValue('id', id, 'must be a non-empty string');
    return Module._load(id, module, false);
  }
  const setOwnProperty = (obj, key, value) =>
    Object.defineProperty(obj, key, { __proto__: null, configurable: true, enumerable: true, value, writable: true });
  // Under a policy, a module's constructor is not reachable from a module (Node's: it would let
  // code make modules whose require is not restricted).
  Object.defineProperty(Module.prototype, 'constructor', {
    __proto__: null,
    get() { return core.policy ? undefined : Module; },
    configurable: false,
    enumerable: false,
  });
  // --inspect-brk: the main module's first line is where the debugger stops (Node's callAndPauseOnStart).
  function callWrapper(fn, module, args) {
    if (module.id === '.' && core.nodeFlags && core.nodeFlags.inspectBrk && !core.pausedOnStart) {
      core.pausedOnStart = true;
      return ops.op_inspector_call_and_pause_on_start(fn, module.exports, ...args);
    }
    return Reflect.apply(fn, module.exports, args);
  }
  const stripBOM = (s) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

  Module._cache = Object.create(null);
  Module._pathCache = Object.create(null);
  Module._extensions = Object.create(null);
  Module.builtinModules = core.nodeBuiltinNames.slice();
  Module.Module = Module;
  // Module._stat: what the resolver asks; replacing it is experimental (Node's warning).
  let _stat = stat;
  let statWarned = false;
  Object.defineProperty(Module, '_stat', {
    __proto__: null,
    get() { return _stat; },
    set(fn) {
      if (!statWarned) {
        statWarned = true;
        process.emitWarning('Module._stat is an experimental feature and might change at any time', 'ExperimentalWarning');
      }
      _stat = fn;
      return true;
    },
    configurable: true,
  });
  Module._readPackage = readPackage;

  // Module.wrap/wrapper: patching either makes modules compile from the patched source text;
  // a wrapper assigned is the one read back (Node's).
  let wrapperPatched = false;
  const wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
  let wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
  let wrapperProxy = new Proxy(wrapper, { set(target, k, v) { wrapperPatched = true; return Reflect.set(target, k, v); }, defineProperty(target, k, d) { wrapperPatched = true; return Reflect.defineProperty(target, k, d); } });
  Object.defineProperty(Module, 'wrap', { get() { return wrap; }, set(v) { wrapperPatched = true; wrap = v; }, enumerable: true, configurable: true });
  Object.defineProperty(Module, 'wrapper', { get() { return wrapperProxy; }, set(v) { wrapperPatched = true; wrapperProxy = v; }, enumerable: true, configurable: true });

  // Package images: the wrappers of the files a tool's entry reaches, compiled when its blob
  // was built (Core/ImageModules.swift) and kept in the snapshot, filename -> [source, wrapper].
  // One is used while its file holds that source still; anything else compiles here.
  const imageModules = new Map();
  core.imageModules = imageModules;
  function precompiled(filename, source) {
    const entry = imageModules.get(filename);
    return entry !== undefined && entry[0] === source ? entry[1] : undefined;
  }
  // The same, for a module wrapper compiled through vm.Script (v8-compile-cache does that):
  // `code` must be Node's own wrapper around the file's source.
  const [wrapHead, wrapTail] = wrapper;
  core.precompiledWrapper = (code, filename) => {
    const entry = imageModules.get(filename);
    if (entry === undefined) return undefined;
    const source = entry[0];
    return code.length === wrapHead.length + source.length + wrapTail.length && code.startsWith(wrapHead) &&
      code.endsWith(wrapTail) && code.slice(wrapHead.length, code.length - wrapTail.length) === source
      ? entry[1] : undefined;
  };

  Module._extensions['.js'] = function (module, filename) {
    const content = readModuleText(filename);
    if (filename.endsWith('.js')) {
      const pkg = readPackageScope(path.dirname(filename));
      if (pkg && pkg.type === 'module') {
        const parent = moduleParents.get(module);
        throw requireEsmError(filename, parent && parent.filename, path.resolve(pkg.path, 'package.json'));
      }
    }
    module._compile(content, filename);
  };
  Module._extensions['.json'] = function (module, filename) {
    const content = readModuleText(filename);
    const manifest = policyManifest();
    if (manifest) manifest.assertIntegrity(pathToFileURL(filename), content);
    try {
      module.exports = JSON.parse(stripBOM(content));
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
  };
  Module._extensions['.node'] = function (module, filename) {
    const manifest = policyManifest();
    if (manifest) manifest.assertIntegrity(pathToFileURL(filename), fsFunctions().readFileSync(filename));
    return process.dlopen(module, path.toNamespacedPath(filename));
  };
  function requireEsmError(filename, parentPath, packageJsonPath) {
    let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
    if (!packageJsonPath) {
      if (filename.endsWith('.mjs')) msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
    } else {
      const basename = parentPath && path.basename(filename) === path.basename(parentPath) ? filename : path.basename(filename);
      msg += `\n${basename} is treated as an ES module file as it is a .js file whose nearest parent package.json contains "type": "module" which declares all .js files in that package scope as ES modules.\nInstead either rename ${basename} to end in .cjs, change the requiring code to use dynamic import() which is available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ${packageJsonPath} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
    }
    return nodeError(Error, 'ERR_REQUIRE_ESM', msg);
  }

  // The directories a bare request is looked up in: each node_modules from `from` up to the root.
  Module._nodeModulePaths = (from) => {
    from = path.resolve(from);
    if (from === '/') return ['/node_modules'];
    const paths = [];
    for (let i = from.length - 1, p = 0, last = from.length; i >= 0; --i) {
      const code = from.charCodeAt(i);
      if (code === 47) {
        if (p !== 12) paths.push(`${from.slice(0, last)}/node_modules`); // skip '.../node_modules/node_modules'
        last = i;
        p = 0;
      } else if (p !== -1) {
        if ('node_modules'.charCodeAt(11 - p) === code) ++p; else p = -1;
      }
    }
    paths.push('/node_modules');
    return paths;
  };
  // The global folders (NODE_PATH, ~/.node_modules, ~/.node_libraries, <prefix>/lib/node),
  // computed from the environment of the running process, not the snapshot's.
  let modulePaths = null;
  Module._initPaths = () => {
    const homeDir = process.env.HOME;
    const nodePath = process.env.NODE_PATH;
    const prefixDir = path.resolve(process.execPath, '..', '..');
    let paths = [path.resolve(prefixDir, 'lib', 'node')];
    // ~/.node_modules first, then ~/.node_libraries (Node's order).
    if (homeDir) paths.unshift(path.resolve(homeDir, '.node_modules'), path.resolve(homeDir, '.node_libraries'));
    if (nodePath) paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
    modulePaths = paths;
    globalPaths = paths.slice();
  };
  let globalPaths = null;
  const globalModulePaths = () => { if (modulePaths === null) Module._initPaths(); return modulePaths; };
  Object.defineProperty(Module, 'globalPaths', {
    get() { globalModulePaths(); return globalPaths; }, set(v) { globalModulePaths(); globalPaths = v; }, enumerable: true, configurable: true,
  });

  Module._resolveLookupPaths = (request, parent) => {
    if (core.isBuiltin(request)) return null;
    if (request.charAt(0) !== '.' || (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
      const global = globalModulePaths();
      const paths = parent && parent.paths && parent.paths.length ? parent.paths.concat(global) : global;
      return paths.length > 0 ? paths : null;
    }
    if (!parent || !parent.id || !parent.filename) return ['.']; // the REPL: relative to the cwd
    return [path.dirname(parent.filename)];
  };

  function toRealPath(p) {
    const fs = fsFunctions();
    return fs.realpathSync === fsFunctions.realpathSync ? realpathOf(p) : fs.realpathSync(p);
  }
  // A file that exists, as its real path; under --preserve-symlinks (not for the main module) as
  // the path it was found at.
  function tryFile(p, isMain) {
    if (_stat(p) !== 0) return false;
    return preserveSymlinks() && !isMain ? path.resolve(p) : toRealPath(p);
  }
  function tryExtensions(p, exts, isMain) {
    for (let i = 0; i < exts.length; i++) { const f = tryFile(p + exts[i], isMain); if (f) return f; }
    return false;
  }
  function tryPackage(requestPath, exts, isMain, originalPath) {
    const pkg = readPackage(requestPath);
    const main = pkg && typeof pkg.main === 'string' ? pkg.main : '';
    if (!main) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    const filename = path.resolve(requestPath, main);
    let actual = tryFile(filename, isMain) || tryExtensions(filename, exts, isMain) ||
      tryExtensions(path.resolve(filename, 'index'), exts, isMain);
    if (actual === false) {
      actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
      if (!actual) {
        const e = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
        e.code = 'MODULE_NOT_FOUND';
        e.path = path.resolve(requestPath, 'package.json');
        e.requestPath = originalPath;
        throw e;
      }
      const jsonPath = path.resolve(requestPath, 'package.json');
      process.emitWarning(`Invalid 'main' field in '${jsonPath}' of '${main}'. Please either fix that or report it to the module author`, 'DeprecationWarning', 'DEP0128');
    }
    return actual;
  }

  // Node's trySelfParentPath: where a self-reference resolves from; the REPL and preloads (-r)
  // resolve from the current directory.
  function trySelfParentPath(parent) {
    if (!parent) return null;
    if (parent.filename) return parent.filename;
    if (parent.id === '<repl>' || parent.id === 'internal/preload') {
      try {
        return process.cwd() + path.sep;
      } catch {
        return null;
      }
    }
    return null;
  }
  Module._findPath = (request, paths, isMain) => {
    const absoluteRequest = path.isAbsolute(request);
    if (absoluteRequest) paths = [''];
    else if (!paths || paths.length === 0) return false;
    const cacheKey = `${request}\x00${paths.join('\x00')}`;
    const entry = Module._pathCache[cacheKey];
    if (entry) return entry;
    let exts;
    const trailingSlash = request.length > 0 && (request.endsWith('/') || request === '.' || request === '..' || request.endsWith('/.') || request.endsWith('/..'));
    const isRelative = request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../');
    const insidePath = !(isRelative && path.normalize(request).startsWith('..'));
    for (let i = 0; i < paths.length; i++) {
      const curPath = paths[i];
      // A missing directory cannot hold the request (unless it climbs out of it).
      if (insidePath && curPath && _stat(curPath) < 1) continue;
      if (!absoluteRequest) {
        const exported = resolveExports(curPath, request, currentConditions ?? cjsConditions());
        if (exported) return exported;
      }
      const basePath = path.resolve(curPath, request);
      let filename;
      const rc = _stat(basePath);
      if (!trailingSlash) {
        if (rc === 0) {
          // The main module keeps its symlinks under --preserve-symlinks-main, any other under
          // --preserve-symlinks (Node's historical split: .bin links need their targets).
          filename = (isMain ? preserveSymlinksMain() : preserveSymlinks()) ? path.resolve(basePath) : toRealPath(basePath);
        }
        if (!filename) {
          if (exts === undefined) exts = Object.keys(Module._extensions);
          filename = tryExtensions(basePath, exts, isMain);
        }
      }
      if (!filename && rc === 1) {
        if (exts === undefined) exts = Object.keys(Module._extensions);
        filename = tryPackage(basePath, exts, isMain, request);
      }
      if (filename) {
        Module._pathCache[cacheKey] = filename;
        return filename;
      }
    }
    return false;
  };

  // package.json "exports" and "imports": the ES resolver's algorithm (PACKAGE_EXPORTS_RESOLVE,
  // PACKAGE_IMPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE) over paths, with its errors.
  // Node's CommonJS conditions: "node-addons" unless --no-addons (a worker's execArgv), then
  // those of --conditions/-C ("default" always matches).
  const cjsConditions = () => {
    const conditions = core.noAddons ? ['require', 'node'] : ['require', 'node', 'node-addons'];
    const user = optionValue('--conditions');
    if (Array.isArray(user)) for (let i = 0; i < user.length; i++) if (!conditions.includes(user[i])) conditions.push(user[i]);
    return conditions;
  };
  let currentConditions = null;
  const pkgErr = (code, msg) => nodeError(code === 'ERR_INVALID_PACKAGE_CONFIG' ? Error : TypeError, code, msg);
  const importedFrom = (base) => (base ? ` imported from ${base}` : '');
  function exportsNotFound(subpath, pkgDir, base) {
    return nodeError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
      ? `No "exports" main defined in ${pkgDir}/package.json${importedFrom(base)}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}/package.json${importedFrom(base)}`);
  }
  function invalidPackageTarget(key, target, pkgDir, internal, base) {
    const relError = typeof target === 'string' && !internal && target.length > 0 && !target.startsWith('./');
    const where = `${pkgDir}/package.json${importedFrom(base)}${relError ? '; targets must start with "./"' : ''}`;
    return pkgErr('ERR_INVALID_PACKAGE_TARGET', key === '.' && !internal
      ? `Invalid "exports" main target ${JSON.stringify(target)} defined in the package config ${where}`
      : `Invalid "${internal ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' in the package config ${where}`);
  }
  const invalidSegment = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
  const invalidSegmentStrict = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
  // A resolved target: { file } inside the package, or { bare } for an "imports" target naming
  // another package.
  function resolveTargetString(target, subpath, match, pkgDir, base, pattern, internal) {
    if (subpath !== '' && !pattern && !target.endsWith('/')) throw invalidPackageTarget(match, target, pkgDir, internal, base);
    if (!target.startsWith('./')) {
      if (internal && !target.startsWith('../') && !target.startsWith('/')) {
        let isURL = false;
        try { new URL(target); isURL = true; } catch { /* a package name */ }
        if (!isURL) return { bare: pattern ? target.replace(/\*/g, () => subpath) : target + subpath };
      }
      throw invalidPackageTarget(match, target, pkgDir, internal, base);
    }
    if (invalidSegmentStrict.test(target.slice(2))) throw invalidPackageTarget(match, target, pkgDir, internal, base);
    const resolved = path.resolve(pkgDir, target);
    if (resolved !== pkgDir && !resolved.startsWith(`${pkgDir}/`)) throw invalidPackageTarget(match, target, pkgDir, internal, base);
    if (subpath === '') return { file: resolved + (target.endsWith('/') ? '/' : '') };
    if (invalidSegmentStrict.test(subpath)) {
      const request = pattern ? match.replace('*', () => subpath) : match + subpath;
      throw nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${request}" request is not a valid match in pattern "${match}" for the "${internal ? 'imports' : 'exports'}" resolution of ${pkgDir}/package.json${importedFrom(base)}`);
    }
    if (pattern) return { file: path.resolve(pkgDir, target.replace(/\*/g, () => subpath)) };
    return { file: path.resolve(resolved, subpath) };
  }
  function resolveTarget(pkgDir, target, subpath, key, base, pattern, internal, conditions) {
    if (typeof target === 'string') return resolveTargetString(target, subpath, key, pkgDir, base, pattern, internal);
    if (Array.isArray(target)) {
      if (target.length === 0) return null;
      let lastException;
      for (let i = 0; i < target.length; i++) {
        const item = target[i];
        let r;
        try { r = resolveTarget(pkgDir, item, subpath, key, base, pattern, internal, conditions); } catch (e) {
          lastException = e;
          if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
          throw e;
        }
        if (r === undefined) continue;
        if (r === null) { lastException = null; continue; }
        return r;
      }
      if (lastException === undefined || lastException === null) return lastException;
      throw lastException;
    }
    if (target !== null && typeof target === 'object') {
      const keys = Object.getOwnPropertyNames(target);
      if (keys.some((k) => String(Number(k)) === k && Number(k) >= 0)) {
        throw pkgErr('ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${pkgDir}/package.json${base ? ` while importing ${base}` : ''}. "exports" cannot contain numeric property keys.`);
      }
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === 'default' || conditions.includes(k)) {
          const r = resolveTarget(pkgDir, target[k], subpath, key, base, pattern, internal, conditions);
          if (r === undefined) continue;
          return r;
        }
      }
      return undefined;
    }
    if (target === null) return null;
    throw invalidPackageTarget(key, target, pkgDir, internal, base);
  }
  // Which of two pattern keys is more specific (Node's PATTERN_KEY_COMPARE).
  function patternKeyCompare(a, b) {
    const ai = a.indexOf('*'), bi = b.indexOf('*');
    const baseA = ai === -1 ? a.length : ai + 1, baseB = bi === -1 ? b.length : bi + 1;
    if (baseA > baseB) return -1;
    if (baseB > baseA) return 1;
    if (ai === -1) return 1;
    if (bi === -1) return -1;
    if (a.length > b.length) return -1;
    if (b.length > a.length) return 1;
    return 0;
  }
  function bestPatternMatch(map, name) {
    let bestMatch = '', bestSubpath;
    const keys = Object.getOwnPropertyNames(map);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const star = key.indexOf('*');
      if (star === -1 || !name.startsWith(key.slice(0, star))) continue;
      const trailer = key.slice(star + 1);
      if (name.length >= key.length && name.endsWith(trailer) && patternKeyCompare(bestMatch, key) === 1 && key.lastIndexOf('*') === star) {
        bestMatch = key;
        bestSubpath = name.slice(star, name.length - trailer.length);
      }
    }
    return bestMatch ? { key: bestMatch, subpath: bestSubpath } : null;
  }
  function isConditionalSugar(exportsField, pkgDir, base) {
    if (typeof exportsField === 'string' || Array.isArray(exportsField)) return true;
    if (typeof exportsField !== 'object' || exportsField === null) return false;
    let sugar = false, i = 0;
    const keys = Object.getOwnPropertyNames(exportsField);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const cur = key === '' || key[0] !== '.';
      if (i++ === 0) sugar = cur;
      else if (sugar !== cur) {
        throw pkgErr('ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${pkgDir}/package.json${base ? ` while importing ${base}` : ''}. "exports" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.`);
      }
    }
    return sugar;
  }
  function packageExportsResolve(pkgDir, subpath, exportsField, base, conditions) {
    const map = isConditionalSugar(exportsField, pkgDir, base) ? { '.': exportsField } : exportsField;
    if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*') && !subpath.endsWith('/')) {
      const r = resolveTarget(pkgDir, map[subpath], '', subpath, base, false, false, conditions);
      if (r == null) throw exportsNotFound(subpath, pkgDir, base);
      return r;
    }
    const best = bestPatternMatch(map, subpath);
    if (best) {
      const r = resolveTarget(pkgDir, map[best.key], best.subpath, best.key, base, true, false, conditions);
      if (r == null) throw exportsNotFound(subpath, pkgDir, base);
      return r;
    }
    throw exportsNotFound(subpath, pkgDir, base);
  }
  function packageImportsResolve(name, parentPath, conditions) {
    if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
      throw nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${name}" is not a valid internal imports specifier name imported from ${parentPath}`);
    }
    const pkg = readPackageScope(path.dirname(parentPath));
    if (pkg) {
      const imports = pkg.imports;
      if (imports && typeof imports === 'object') {
        if (Object.prototype.hasOwnProperty.call(imports, name) && !name.includes('*')) {
          const r = resolveTarget(pkg.path, imports[name], '', name, parentPath, false, true, conditions);
          if (r != null) return r;
        } else {
          const best = bestPatternMatch(imports, name);
          if (best) {
            const r = resolveTarget(pkg.path, imports[best.key], best.subpath, best.key, parentPath, true, true, conditions);
            if (r != null) return r;
          }
        }
      }
    }
    throw nodeError(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED', `Package import specifier "${name}" is not defined${pkg ? ` in package ${pkg.path}/package.json` : ''} imported from ${parentPath}`);
  }
  function notFound(request, where) {
    const e = new Error(`Cannot find module '${request}'`);
    e.code = 'MODULE_NOT_FOUND';
    if (where) e.path = where;
    return e;
  }
  // A resolved exports/imports target as a loadable file.
  function finalize(r, request, pkgDir, parent) {
    if (r.bare !== undefined) return Module._resolveFilename(r.bare, parent, false);
    if (/%2f|%5c/i.test(r.file)) throw nodeError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER', `Invalid module "${r.file}" must not include encoded "/" or "\\" characters`);
    const actual = tryFile(r.file, false);
    if (actual) return actual;
    throw notFound(r.file, pkgDir && path.resolve(pkgDir, 'package.json'));
  }
  const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;
  function resolveExports(nmPath, request, conditions) {
    const m = EXPORTS_PATTERN.exec(request);
    if (!m) return undefined;
    const pkgDir = path.resolve(nmPath, m[1]);
    const pkg = readPackage(pkgDir);
    if (pkg && pkg.exports != null) return finalize(packageExportsResolve(pkgDir, `.${m[2] || ''}`, pkg.exports, null, conditions), request, pkgDir);
    return undefined;
  }
  // A package's own name resolves through its "exports" (self-reference).
  function trySelf(parentFile, request, conditions) {
    if (!parentFile) return false;
    // A directory (ending in a separator) is where the package scope lookup starts.
    const pkg = readPackageScope(parentFile.endsWith(path.sep) ? parentFile.slice(0, -1) || path.sep : path.dirname(parentFile));
    if (!pkg || pkg.exports == null || typeof pkg.name !== 'string') return false;
    let expansion;
    if (request === pkg.name) expansion = '.';
    else if (request.startsWith(`${pkg.name}/`)) expansion = `.${request.slice(pkg.name.length)}`;
    else return false;
    return finalize(packageExportsResolve(pkg.path, expansion, pkg.exports, parentFile, conditions), request, pkg.path);
  }

  Module._resolveFilename = (request, parent, isMain, options) => {
    if (core.isBuiltin(request)) return request;
    // fe's ES loader resolves bare imports here too, with the "import" conditions.
    const conditions = options && Array.isArray(options.conditions) ? options.conditions : cjsConditions();
    let paths;
    if (typeof options === 'object' && options !== null && options.paths !== undefined) {
      if (!Array.isArray(options.paths)) throw invalidArgValue('options.paths', options.paths);
      if (request.startsWith('./') || request.startsWith('../')) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (let i = 0; i < options.paths.length; i++) {
          fakeParent.paths = Module._nodeModulePaths(options.paths[i]);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (let j = 0; j < lookupPaths.length; j++) if (!paths.includes(lookupPaths[j])) paths.push(lookupPaths[j]);
        }
      }
    } else {
      paths = Module._resolveLookupPaths(request, parent);
    }
    const saved = currentConditions;
    currentConditions = conditions;
    try {
      if (request[0] === '#' && parent && parent.filename) {
        const pkg = readPackageScope(path.dirname(parent.filename));
        if (pkg && pkg.imports != null) {
          return finalize(packageImportsResolve(request, parent.filename, conditions), request, pkg.path, parent);
        }
      }
      const self = trySelf(trySelfParentPath(parent), request, conditions);
      if (self) return self;
      const filename = Module._findPath(request, paths, isMain);
      if (filename) return filename;
    } finally {
      currentConditions = saved;
    }
    const requireStack = [];
    for (let m = parent; m; m = moduleParents.get(m)) requireStack.push(m.filename || m.id);
    let message = `Cannot find module '${request}'`;
    if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
    const e = new Error(message);
    e.code = 'MODULE_NOT_FOUND';
    e.requireStack = requireStack;
    throw e;
  };

  // A module still loading, required again (a cycle): its partial exports, which warn when a
  // property they do not have yet is read, as Node does.
  const circularWarningProto = new Proxy({}, {
    get(target, prop, receiver) {
      if (prop in target || prop === '__esModule') return Reflect.get(target, prop, receiver);
      process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
      return undefined;
    },
    getOwnPropertyDescriptor(target, prop) {
      if (Object.prototype.hasOwnProperty.call(target, prop) || prop === '__esModule') return Reflect.getOwnPropertyDescriptor(target, prop);
      process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
      return undefined;
    },
  });
  function exportsForCircularRequire(module) {
    const ex = module.exports;
    // Not a Proxy: its traps are not run (Node's isProxy check).
    if (ex && typeof ex === 'object' && !util.types.isProxy(ex) && Object.getPrototypeOf(ex) === Object.prototype && !ex.__esModule) {
      Object.setPrototypeOf(ex, circularWarningProto);
    }
    return module.exports;
  }
  function updateChildren(parent, child, scan) {
    const children = parent && parent.children;
    if (children && !(scan && children.includes(child))) children.push(child);
  }
  const relativeResolveCache = Object.create(null);
  // A package image's literal requires, resolved when its blob was built (ImageModules.swift):
  // `${directory of the requiring file}\x00${request}` -> file. The image is read-only, and its
  // own node_modules come first in every lookup, so an answer stands while the resolver is
  // fe's own; a tool that patches it (aliases, Plug'n'Play) gets it called as usual.
  const imageResolutions = new Map();
  core.imageResolutions = imageResolutions;
  const ownResolver = [Module._resolveFilename, Module._findPath, Module._nodeModulePaths, Module._resolveLookupPaths];
  const resolverIsOwn = () => Module._resolveFilename === ownResolver[0] && Module._findPath === ownResolver[1] &&
    Module._nodeModulePaths === ownResolver[2] && Module._resolveLookupPaths === ownResolver[3];
  Module._load = (request, parent, isMain) => {
    let relKey;
    if (parent) {
      relKey = `${parent.path}\x00${request}`;
      const filename = relativeResolveCache[relKey];
      if (filename !== undefined) {
        const cached = Module._cache[filename];
        if (cached !== undefined) {
          updateChildren(parent, cached, true);
          return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
        }
        delete relativeResolveCache[relKey];
      }
    }
    if (request.startsWith('node:')) {
      if (!core.isBuiltin(request)) throw nodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
      return requireBuiltin(request);
    }
    let filename = relKey !== undefined && imageResolutions.size > 0 && resolverIsOwn() ? imageResolutions.get(relKey) : undefined;
    if (filename === undefined) filename = Module._resolveFilename(request, parent, isMain);
    const cached = Module._cache[filename];
    if (cached !== undefined) {
      updateChildren(parent, cached, true);
      return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
    }
    if (core.isBuiltin(filename)) return requireBuiltin(filename);
    const module = new Module(filename, parent);
    if (isMain) {
      process.mainModule = module;
      module.id = '.';
    }
    Module._cache[filename] = module;
    if (parent !== undefined && parent !== null) relativeResolveCache[relKey] = filename;
    let threw = true;
    try {
      module.load(filename);
      threw = false;
    } finally {
      if (threw) {
        delete Module._cache[filename];
        if (parent) {
          delete relativeResolveCache[relKey];
          const children = parent.children;
          if (Array.isArray(children)) {
            const i = children.indexOf(module);
            if (i !== -1) children.splice(i, 1);
          }
        }
      } else if (module.exports && !util.types.isProxy(module.exports) && Object.getPrototypeOf(module.exports) === circularWarningProto) {
        Object.setPrototypeOf(module.exports, Object.prototype);
      }
    }
    return module.exports;
  };
  // The extension whose handler loads a file: the longest registered one ('.test.js' before
  // '.js'), never a dotfile's whole name; '.js' when none matches.
  function findLongestRegisteredExtension(filename) {
    const name = path.basename(filename);
    let index, startIndex = 0;
    while ((index = name.indexOf('.', startIndex)) !== -1) {
      startIndex = index + 1;
      if (index === 0) continue;
      const ext = name.slice(index);
      if (Module._extensions[ext]) return ext;
    }
    return '.js';
  }
  Module.prototype.load = function (filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(path.dirname(filename));
    const ext = findLongestRegisteredExtension(filename);
    if (filename.endsWith('.mjs') && !Module._extensions['.mjs']) throw requireEsmError(filename, null, null);
    Module._extensions[ext](this, filename);
    this.loaded = true;
  };

  // Node's makeRequireFunction (lib/internal/modules/helpers.js). Under a policy, `redirects`
  // (the manifest's dependency mapper for the module) decides what each specifier loads: a
  // builtin or a file it names, the usual resolution when it allows any, else its onerror
  // reaction with ERR_MANIFEST_DEPENDENCY_MISSING (and the usual resolution if that returns).
  const urlToFileCache = new Map();
  function makeRequire(mod, redirects) {
    let require;
    if (redirects) {
      const id = mod.filename || mod.id;
      const conditions = new Set();
      const list = cjsConditions();
      for (let i = 0; i < list.length; i++) conditions.add(list[i]);
      const { resolve, reaction } = redirects;
      require = function require(specifier) {
        let missing = true;
        const destination = resolve(specifier, conditions);
        if (destination === true) {
          missing = false;
        } else if (destination) {
          const { href, protocol } = destination;
          if (protocol === 'node:') {
            const builtin = destination.pathname;
            if (core.isBuiltin(builtin)) return requireBuiltin(builtin);
            throw nodeError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${builtin}`);
          } else if (protocol === 'file:') {
            let filepath = urlToFileCache.get(href);
            if (!filepath) {
              filepath = fileURLToPath(destination);
              urlToFileCache.set(href, filepath);
            }
            return internalRequire(mod, filepath);
          }
        }
        if (missing) {
          reaction(nodeError(Error, 'ERR_MANIFEST_DEPENDENCY_MISSING',
            `Manifest resource ${id} does not list ${specifier} as a dependency specifier for conditions: ${[...conditions].join(', ')}`));
        }
        return internalRequire(mod, specifier);
      };
    } else {
      require = function require(id) { return mod.require(id); };
    }
    function resolve(request, options) {
      if (typeof request !== 'string') throw invalidArgType('request', 'string', request);
      return Module._resolveFilename(request, mod, false, options);
    }
    resolve.paths = function paths(request) {
      if (typeof request !== 'string') throw invalidArgType('request', 'string', request);
      return Module._resolveLookupPaths(request, mod);
    };
    require.resolve = resolve;
    // Defined, not assigned (a setter on Object.prototype is not run; Node's setOwnProperty).
    Object.defineProperty(require, 'main', { value: process.mainModule, writable: true, enumerable: true, configurable: true });
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
  }

  Module.createRequire = (filename) => {
    let file;
    if (typeof filename === 'string' && filename.startsWith('file:')) file = fileURLToPath(filename);
    else if (filename instanceof URL) file = fileURLToPath(filename);
    else if (typeof filename === 'string' && path.isAbsolute(filename)) file = filename;
    else {
      throw invalidArgValue('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
    }
    const trailingSlash = file.endsWith('/');
    const proxyPath = trailingSlash ? path.join(file, 'noop.js') : file;
    const m = new Module(proxyPath, null);
    m.filename = proxyPath;
    m.paths = Module._nodeModulePaths(m.path);
    return makeRequire(m);
  };
  Module.isBuiltin = (name) => typeof name === 'string' && core.isBuiltin(name);
  // fe's ES loader reads a builtin's exports object at import time, so there is nothing to sync.
  Module.syncBuiltinESMExports = () => {};
  // Node's module.findSourceMap and module.SourceMap (lib/module.js), loaded when first read.
  for (const [name, get] of [
    ['findSourceMap', () => core.sourceMapCache().findSourceMap],
    ['SourceMap', () => core.sourceMapClass()],
  ]) {
    Object.defineProperty(Module, name, {
      __proto__: null, configurable: true, enumerable: true,
      get() {
        const value = get();
        Object.defineProperty(Module, name, { __proto__: null, value, writable: true, configurable: true, enumerable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(Module, name, { __proto__: null, value, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  Module.runMain = (main = process.argv[1]) => {
    const filename = Module._resolveFilename(path.resolve(main), null, true);
    if (filename.endsWith('.mjs')) return import(pathToFileURL(filename).href);
    return Module._load(filename, null, true);
  };
  const ownRunMain = Module.runMain;
  Module._preloadModules = (requests) => {
    if (!Array.isArray(requests)) return;
    const parent = new Module('internal/preload', null);
    try { parent.paths = Module._nodeModulePaths(process.cwd()); } catch { /* no cwd */ }
    // Node's internalRequire: what a policy allows the preloading module does not restrict them.
    for (let i = 0; i < requests.length; i++) internalRequire(parent, requests[i]);
  };

  // Runs an already compiled wrapper as the main module (entry files, tool bundles at blob
  // build time, fe.config.js): require.main, require.cache and relative requires as in Node.
  function runCompiledMain(fn, filename) {
    // Node's resolveMainPath: the entry is its real path unless --preserve-symlinks-main.
    if (!preserveSymlinksMain()) {
      try {
        filename = toRealPath(filename);
      } catch {
        // As found (a file that is gone ran from its compiled source).
      }
    }
    const module = new Module(filename, null);
    module.id = '.';
    module.filename = filename;
    module.paths = Module._nodeModulePaths(path.dirname(filename));
    process.mainModule = module;
    Module._cache[filename] = module;
    // Under a policy, the entry's source is checked as Module.prototype._compile checks a module's.
    let redirects;
    const manifest = policyManifest();
    if (manifest) {
      const moduleURL = pathToFileURL(filename);
      redirects = manifest.getDependencyMapper(moduleURL);
      manifest.assertIntegrity(moduleURL, readModuleText(filename));
    }
    // Compiled by the host: its source map is looked for here, as _compile does.
    if (core.sourceMapsEnabled || process.env.NODE_V8_COVERAGE) {
      let content;
      try { content = readModuleText(filename); } catch { content = undefined; }
      if (content !== undefined) core.sourceMapCache().maybeCacheSourceMap(filename, content, module, false, undefined, undefined);
    }
    callWrapper(fn, module, [module.exports, makeRequire(module, redirects), module, filename, path.dirname(filename)]);
    module.loaded = true;
    return module.exports;
  }
  // The CommonJS files `entry` reaches through require() calls with a literal argument, as
  // Node's resolver finds them (Core/ImageModules.swift compiles them into a package image's
  // snapshot), at most `maxFiles` of them, `entry` not among them; and each such call's answer,
  // [parent file, request, file]. A request that does not resolve is skipped (it may never
  // run); builtins, JSON, addons and ES modules are not compiled.
  const literalRequire = /\brequire\s*\(\s*(['"])([^'"\\\n]+)\1\s*\)/g;
  core.requireClosure = (entry, maxFiles) => {
    const seen = new Set([entry]);
    const queue = [entry];
    const files = [];
    const resolutions = [];
    while (queue.length > 0 && files.length < maxFiles) {
      const file = queue.shift();
      let source;
      try { source = readText(file); } catch { continue; }
      if (file !== entry) files.push(file);
      const parent = { id: file, filename: file, paths: Module._nodeModulePaths(path.dirname(file)) };
      for (const [, , request] of source.matchAll(literalRequire)) {
        let resolved;
        try { resolved = Module._resolveFilename(request, parent, false); } catch { continue; }
        if (!path.isAbsolute(resolved)) continue;
        resolutions.push([file, request, resolved]);
        if (seen.has(resolved) || /\.(json|node|mjs)$/.test(resolved)) continue;
        seen.add(resolved);
        if (resolved.endsWith('.js') && nearestPackageType(path.dirname(resolved)) === 'module') continue;
        queue.push(resolved);
      }
    }
    return { files, resolutions };
  };
  /// Loads a CommonJS file for an ES module import: its module.exports.
  function loadForImport(filename) {
    return Module._load(filename, null, false);
  }
  return { Module, runCompiledMain, loadForImport, makeRequire, packageType: nearestPackageType, ownRunMain, readPackage };
})();
registerBuiltin('module', cjs.Module);
core.cjsLoadForImport = cjs.loadForImport;

// process.dlopen(module, filename[, flags]): loads a Node-API addon into this runtime
// (Shim/src/napi/): dlopen with `flags` (RTLD_LAZY by default, never unloaded), the addon's
// registration with module.exports, and whatever it returns as the new module.exports.
// uncaught(e, enforced): an exception from a loop callback of the addon's (Node's
// CallbackIntoModule): async work always, finalizers and thread-safe calls only for experimental-
// version addons or under --force-node-api-uncaught-exceptions-policy; otherwise Node warns.
const napiHooks = {
  uncaught(e, enforced) {
    if (enforced || core.nodeFlags?.forceNodeApiUncaughtExceptionsPolicy) return fatal(e);
    process.emitWarning('Uncaught N-API callback exception detected, please run node with option ' +
      '--force-node-api-uncaught-exceptions-policy=true to handle those exceptions properly.', 'DeprecationWarning', 'DEP0168');
  },
  tick: processTicksAndRejections,
  bufferPrototype: Buffer.prototype,
  // async_hooks for napi_async_init, napi_make_callback and async work (Node's EmitAsyncInit,
  // InternalCallbackScope): ids as [asyncId, triggerAsyncId].
  asyncInit(resource, name) {
    const ids = [newAsyncId(), defaultTriggerAsyncId()];
    emitInit(ids[0], name, ids[1], resource);
    return ids;
  },
  asyncEnter(ids, resource) { emitBefore(ids[0], ids[1], resource); },
  asyncLeave(ids) { if (asyncHooks.stack.length > 0) emitAfter(ids[0]); },
  asyncDestroy(ids) { emitDestroy(ids[0]); },
};
process.dlopen = function dlopen(module, filename, flags = 1) {
  if (arguments.length < 2) throw nodeError(TypeError, 'ERR_MISSING_ARGS', 'process.dlopen needs at least 2 arguments');
  if (core.noAddons) throw nodeError(Error, 'ERR_DLOPEN_DISABLED', 'Cannot load native addon because loading addons is disabled.');
  if (!Number.isInteger(flags) || flags < -2147483648 || flags > 2147483647) throw invalidArgType('flags', 'integer', flags);
  const exports = Object(module).exports;
  if (exports === undefined || exports === null) throw new TypeError('Cannot convert undefined or null to object');
  const failure = ops.op_napi_load(module, String(filename), flags, exports, napiHooks);
  if (failure !== undefined) {
    const e = new Error(failure); // Node's C++ errors carry the code without it in the name
    e.code = 'ERR_DLOPEN_FAILED';
    throw e;
  }
};

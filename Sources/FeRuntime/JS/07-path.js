// path (POSIX)
// Uses from earlier files: 01-inspect.js (format); 02-errors.js (typeError); 03-loop.js (describe); 05-process.js (process).
const path = (() => {
  function assertPath(p, name = 'path') {
    if (typeof p !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type string. Received${describe(p)}`);
  }
  function normalizeString(p, allowAboveRoot) {
    let res = '', lastSegmentLength = 0, lastSlash = -1, dots = 0, code;
    for (let i = 0; i <= p.length; ++i) {
      if (i < p.length) code = p.charCodeAt(i); else if (code === 47) break; else code = 47;
      if (code === 47) {
        if (lastSlash === i - 1 || dots === 1) { /* noop */ } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
            if (res.length > 2) {
              const idx = res.lastIndexOf('/');
              if (idx === -1) { res = ''; lastSegmentLength = 0; } else { res = res.slice(0, idx); lastSegmentLength = res.length - 1 - res.lastIndexOf('/'); }
              lastSlash = i; dots = 0; continue;
            } else if (res.length !== 0) { res = ''; lastSegmentLength = 0; lastSlash = i; dots = 0; continue; }
          }
          if (allowAboveRoot) { res += res.length > 0 ? '/..' : '..'; lastSegmentLength = 2; }
        } else {
          if (res.length > 0) res += '/' + p.slice(lastSlash + 1, i); else res = p.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i; dots = 0;
      } else if (code === 46 && dots !== -1) { ++dots; } else { dots = -1; }
    }
    return res;
  }
  const posix = {
    sep: '/', delimiter: ':',
    resolve(...args) {
      let resolved = '', abs = false;
      for (let i = args.length - 1; i >= -1 && !abs; i--) {
        const p = i >= 0 ? args[i] : process.cwd();
        assertPath(p, `paths[${i}]`);
        if (p.length === 0) continue;
        resolved = `${p}/${resolved}`;
        abs = p.charCodeAt(0) === 47;
      }
      resolved = normalizeString(resolved, !abs);
      if (abs) return `/${resolved}`;
      return resolved.length > 0 ? resolved : '.';
    },
    normalize(p) {
      assertPath(p);
      if (p.length === 0) return '.';
      const abs = p.charCodeAt(0) === 47, trailing = p.charCodeAt(p.length - 1) === 47;
      let r = normalizeString(p, !abs);
      if (r.length === 0) { if (abs) return '/'; return trailing ? './' : '.'; }
      if (trailing) r += '/';
      return abs ? `/${r}` : r;
    },
    isAbsolute(p) { assertPath(p); return p.length > 0 && p.charCodeAt(0) === 47; },
    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      for (const a of args) { assertPath(a); if (a.length > 0) joined = joined === undefined ? a : `${joined}/${a}`; }
      return joined === undefined ? '.' : posix.normalize(joined);
    },
    relative(from, to) {
      assertPath(from, 'from'); assertPath(to, 'to');
      if (from === to) return '';
      from = posix.resolve(from); to = posix.resolve(to);
      if (from === to) return '';
      const fromStart = 1, fromEnd = from.length, fromLen = fromEnd - fromStart, toStart = 1, toLen = to.length - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1, i = 0;
      for (; i < length; i++) {
        const fc = from.charCodeAt(fromStart + i);
        if (fc !== to.charCodeAt(toStart + i)) break; else if (fc === 47) lastCommonSep = i;
      }
      if (i === length) {
        if (toLen > length) {
          if (to.charCodeAt(toStart + i) === 47) return to.slice(toStart + i + 1);
          if (i === 0) return to.slice(toStart + i);
        } else if (fromLen > length) {
          if (from.charCodeAt(fromStart + i) === 47) lastCommonSep = i; else if (i === 0) lastCommonSep = 0;
        }
      }
      let out = '';
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === 47) out += out.length === 0 ? '..' : '/..';
      }
      return `${out}${to.slice(toStart + lastCommonSep)}`;
    },
    toNamespacedPath(p) { return p; },
    dirname(p) {
      assertPath(p);
      if (p.length === 0) return '.';
      const hasRoot = p.charCodeAt(0) === 47;
      let end = -1, matchedSlash = true;
      for (let i = p.length - 1; i >= 1; --i) {
        if (p.charCodeAt(i) === 47) { if (!matchedSlash) { end = i; break; } } else matchedSlash = false;
      }
      if (end === -1) return hasRoot ? '/' : '.';
      if (hasRoot && end === 1) return '//';
      return p.slice(0, end);
    },
    basename(p, suffix) {
      if (suffix !== undefined) assertPath(suffix, 'ext');
      assertPath(p);
      let start = 0, end = -1, matchedSlash = true;
      if (suffix !== undefined && suffix.length > 0 && suffix.length <= p.length) {
        if (suffix === p) return '';
        let extIdx = suffix.length - 1, firstNonSlashEnd = -1;
        for (let i = p.length - 1; i >= 0; --i) {
          const code = p.charCodeAt(i);
          if (code === 47) { if (!matchedSlash) { start = i + 1; break; } } else {
            if (firstNonSlashEnd === -1) { matchedSlash = false; firstNonSlashEnd = i + 1; }
            if (extIdx >= 0) {
              if (code === suffix.charCodeAt(extIdx)) { if (--extIdx === -1) end = i; } else { extIdx = -1; end = firstNonSlashEnd; }
            }
          }
        }
        if (start === end) end = firstNonSlashEnd; else if (end === -1) end = p.length;
        return p.slice(start, end);
      }
      for (let i = p.length - 1; i >= 0; --i) {
        if (p.charCodeAt(i) === 47) { if (!matchedSlash) { start = i + 1; break; } } else if (end === -1) { matchedSlash = false; end = i + 1; }
      }
      if (end === -1) return '';
      return p.slice(start, end);
    },
    extname(p) {
      assertPath(p);
      let startDot = -1, startPart = 0, end = -1, matchedSlash = true, preDotState = 0;
      for (let i = p.length - 1; i >= 0; --i) {
        const code = p.charCodeAt(i);
        if (code === 47) { if (!matchedSlash) { startPart = i + 1; break; } continue; }
        if (end === -1) { matchedSlash = false; end = i + 1; }
        if (code === 46) { if (startDot === -1) startDot = i; else if (preDotState !== 1) preDotState = 1; } else if (startDot !== -1) preDotState = -1;
      }
      if (startDot === -1 || end === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) return '';
      return p.slice(startDot, end);
    },
    format(o) {
      if (o === null || typeof o !== 'object') throw typeError('ERR_INVALID_ARG_TYPE', `The "pathObject" argument must be of type object. Received${describe(o)}`);
      const dir = o.dir || o.root;
      const base = o.base || `${o.name || ''}${o.ext ? (o.ext[0] === '.' ? '' : '.') + o.ext : ''}`;
      if (!dir) return base;
      return dir === o.root ? `${dir}${base}` : `${dir}/${base}`;
    },
    parse(p) {
      assertPath(p);
      const ret = { root: '', dir: '', base: '', ext: '', name: '' };
      if (p.length === 0) return ret;
      const isAbs = p.charCodeAt(0) === 47;
      let start;
      if (isAbs) { ret.root = '/'; start = 1; } else start = 0;
      let startDot = -1, startPart = 0, end = -1, matchedSlash = true, i = p.length - 1, preDotState = 0;
      for (; i >= start; --i) {
        const code = p.charCodeAt(i);
        if (code === 47) { if (!matchedSlash) { startPart = i + 1; break; } continue; }
        if (end === -1) { matchedSlash = false; end = i + 1; }
        if (code === 46) { if (startDot === -1) startDot = i; else if (preDotState !== 1) preDotState = 1; } else if (startDot !== -1) preDotState = -1;
      }
      if (end !== -1) {
        const s = startPart === 0 && isAbs ? 1 : startPart;
        if (startDot === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
          ret.base = ret.name = p.slice(s, end);
        } else {
          ret.name = p.slice(s, startDot); ret.base = p.slice(s, end); ret.ext = p.slice(startDot, end);
        }
      }
      if (startPart > 0) ret.dir = p.slice(0, startPart - 1); else if (isAbs) ret.dir = '/';
      return ret;
    },
    matchesGlob: undefined,
  };
  delete posix.matchesGlob;
  posix.posix = posix;
  posix.win32 = posix; // fe runs on POSIX only; win32 callers get POSIX semantics
  return posix;
})();

// path: POSIX (the default) and win32, with Node's algorithms.
// Uses from earlier files: 01-inspect.js (format); 02-errors.js (typeError); 03-loop.js (describe); 05-process.js (process).
const path = (() => {
  function assertPath(p, name = 'path') {
    if (typeof p !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type string. Received${describe(p)}`);
  }
  const isPosixSep = (c) => c === 47;
  const isWinSep = (c) => c === 47 || c === 92;
  // Resolves '.' and '..' segments of a root-less path; `sep` joins the output and `isSep`
  // says which characters split the input (win32 accepts both slashes).
  function normalizeString(p, allowAboveRoot, sep = '/', isSep = isPosixSep) {
    let res = '', lastSegmentLength = 0, lastSlash = -1, dots = 0, code = 0;
    for (let i = 0; i <= p.length; ++i) {
      if (i < p.length) code = p.charCodeAt(i); else if (isSep(code)) break; else code = 47;
      if (isSep(code)) {
        if (lastSlash === i - 1 || dots === 1) { /* noop */ } else if (dots === 2) {
          if (res.length < 2 || lastSegmentLength !== 2 || res.charCodeAt(res.length - 1) !== 46 || res.charCodeAt(res.length - 2) !== 46) {
            if (res.length > 2) {
              const idx = res.lastIndexOf(sep);
              if (idx === -1) { res = ''; lastSegmentLength = 0; } else { res = res.slice(0, idx); lastSegmentLength = res.length - 1 - res.lastIndexOf(sep); }
              lastSlash = i; dots = 0; continue;
            } else if (res.length !== 0) { res = ''; lastSegmentLength = 0; lastSlash = i; dots = 0; continue; }
          }
          if (allowAboveRoot) { res += res.length > 0 ? `${sep}..` : '..'; lastSegmentLength = 2; }
        } else {
          if (res.length > 0) res += sep + p.slice(lastSlash + 1, i); else res = p.slice(lastSlash + 1, i);
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
      // Indexed, not for-of: the loader joins paths even when %Array.prototype%[@@iterator] is gone.
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        assertPath(a);
        if (a.length > 0) joined = joined === undefined ? a : `${joined}/${a}`;
      }
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

  // win32: Windows path semantics on any platform (Node's algorithms), for tools that build
  // Windows paths or read both flavours. A root is a drive ('C:' or 'C:\'), a single
  // separator, or a UNC share ('\\server\share'); either slash separates.
  const isDriveLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const hasDrive = (p) => p.length >= 2 && p.charCodeAt(1) === 58 && isDriveLetter(p.charCodeAt(0));
  // For a path starting with two separators: where '\\server\share' ends (the index after the
  // share name), with the server and share names; null when the root is not a complete share.
  function uncRoot(p) {
    const len = p.length;
    let j = 2;
    while (j < len && !isWinSep(p.charCodeAt(j))) j++;
    if (j >= len || j === 2) return null;
    const server = p.slice(2, j);
    while (j < len && isWinSep(p.charCodeAt(j))) j++;
    if (j >= len) return null;
    const shareStart = j;
    while (j < len && !isWinSep(p.charCodeAt(j))) j++;
    return { server, share: p.slice(shareStart, j), end: j };
  }
  // The root of a path as resolve/normalize see it: the device ('C:' or '\\server\share'),
  // where the rest begins, and whether the path is absolute.
  function win32Device(p) {
    const len = p.length, c0 = p.charCodeAt(0);
    if (isWinSep(c0)) {
      if (len > 1 && isWinSep(p.charCodeAt(1))) {
        const unc = uncRoot(p);
        return unc ? { device: `\\\\${unc.server}\\${unc.share}`, rootEnd: unc.end, isAbsolute: true, uncOnly: unc.end === len }
          : { device: '', rootEnd: 0, isAbsolute: true };
      }
      return { device: '', rootEnd: 1, isAbsolute: true };
    }
    if (hasDrive(p)) {
      const abs = len > 2 && isWinSep(p.charCodeAt(2));
      return { device: p.slice(0, 2), rootEnd: abs ? 3 : 2, isAbsolute: abs };
    }
    return { device: '', rootEnd: 0, isAbsolute: false };
  }
  // The root of a path as dirname/parse see it: its length including the separator after a
  // share, or -1 without one; `whole` when the path is nothing but a root.
  function win32RootEnd(p) {
    const len = p.length, c0 = p.charCodeAt(0);
    if (isWinSep(c0)) {
      if (len > 1 && isWinSep(p.charCodeAt(1))) {
        const unc = uncRoot(p);
        if (unc) return unc.end === len ? { end: len, whole: true } : { end: unc.end + 1, whole: false };
      }
      return { end: 1, whole: len === 1 };
    }
    if (hasDrive(p)) {
      const end = len > 2 && isWinSep(p.charCodeAt(2)) ? 3 : 2;
      return { end, whole: end === len };
    }
    return { end: -1, whole: false };
  }
  function formatWith(sep, o) {
    if (o === null || typeof o !== 'object') throw typeError('ERR_INVALID_ARG_TYPE', `The "pathObject" argument must be of type object. Received${describe(o)}`);
    const dir = o.dir || o.root;
    const base = o.base || `${o.name || ''}${o.ext ? (o.ext[0] === '.' ? '' : '.') + o.ext : ''}`;
    if (!dir) return base;
    return dir === o.root ? `${dir}${base}` : `${dir}${sep}${base}`;
  }
  const win32 = {
    sep: '\\', delimiter: ';',
    resolve(...args) {
      let resolvedDevice = '', resolvedTail = '', resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let p;
        if (i >= 0) {
          p = args[i];
          assertPath(p, `paths[${i}]`);
          if (p.length === 0) continue;
        } else if (resolvedDevice.length === 0) {
          p = process.cwd();
        } else {
          // A drive-relative path ('C:foo'): Windows keeps a cwd per drive in the hidden
          // '=C:' variable; without one (or one for another drive) the drive's root is used.
          p = process.env[`=${resolvedDevice}`] || process.cwd();
          if (p === undefined || (p.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() && p.charCodeAt(2) === 92)) p = `${resolvedDevice}\\`;
        }
        const { device, rootEnd, isAbsolute } = win32Device(p);
        if (device.length > 0) {
          if (resolvedDevice.length > 0) {
            if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue; // another drive: not on our way
          } else resolvedDevice = device;
        }
        if (resolvedAbsolute) {
          if (resolvedDevice.length > 0) break;
        } else {
          resolvedTail = `${p.slice(rootEnd)}\\${resolvedTail}`;
          resolvedAbsolute = isAbsolute;
          if (isAbsolute && resolvedDevice.length > 0) break;
        }
      }
      resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\', isWinSep);
      return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` : `${resolvedDevice}${resolvedTail}` || '.';
    },
    normalize(p) {
      assertPath(p);
      const len = p.length;
      if (len === 0) return '.';
      if (len === 1) return isPosixSep(p.charCodeAt(0)) ? '\\' : p;
      const { device, rootEnd, isAbsolute, uncOnly } = win32Device(p);
      if (uncOnly) return `${device}\\`;
      let tail = rootEnd < len ? normalizeString(p.slice(rootEnd), !isAbsolute, '\\', isWinSep) : '';
      if (tail.length === 0 && !isAbsolute) tail = '.';
      if (tail.length > 0 && isWinSep(p.charCodeAt(len - 1))) tail += '\\';
      return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
    },
    isAbsolute(p) {
      assertPath(p);
      const len = p.length;
      if (len === 0) return false;
      return isWinSep(p.charCodeAt(0)) || (len > 2 && hasDrive(p) && isWinSep(p.charCodeAt(2)));
    },
    join(...args) {
      if (args.length === 0) return '.';
      let joined, firstPart;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        assertPath(a);
        if (a.length > 0) joined = joined === undefined ? (firstPart = a) : `${joined}\\${a}`;
      }
      if (joined === undefined) return '.';
      // normalize() would read a leading '\\' as a UNC root: keep it only when the first
      // part clearly starts one (exactly two separators, then a name); otherwise squash the
      // leading separators to one.
      let needsReplace = true, slashCount = 0;
      if (isWinSep(firstPart.charCodeAt(0))) {
        ++slashCount;
        if (firstPart.length > 1 && isWinSep(firstPart.charCodeAt(1))) {
          ++slashCount;
          if (firstPart.length > 2) { if (isWinSep(firstPart.charCodeAt(2))) ++slashCount; else needsReplace = false; }
        }
      }
      if (needsReplace) {
        while (slashCount < joined.length && isWinSep(joined.charCodeAt(slashCount))) slashCount++;
        if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
      }
      return win32.normalize(joined);
    },
    relative(from, to) {
      assertPath(from, 'from'); assertPath(to, 'to');
      if (from === to) return '';
      const fromOrig = win32.resolve(from), toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return '';
      from = fromOrig.toLowerCase(); to = toOrig.toLowerCase(); // Windows paths ignore case
      if (from === to) return '';
      let fromStart = 0;
      while (fromStart < from.length && from.charCodeAt(fromStart) === 92) fromStart++;
      let fromEnd = from.length;
      while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === 92) fromEnd--;
      const fromLen = fromEnd - fromStart;
      let toStart = 0;
      while (toStart < to.length && to.charCodeAt(toStart) === 92) toStart++;
      let toEnd = to.length;
      while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === 92) toEnd--;
      const toLen = toEnd - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1, i = 0;
      for (; i < length; i++) {
        const fc = from.charCodeAt(fromStart + i);
        if (fc !== to.charCodeAt(toStart + i)) break; else if (fc === 92) lastCommonSep = i;
      }
      if (i !== length) {
        if (lastCommonSep === -1) return toOrig; // different roots: no relative path
      } else {
        if (toLen > length) {
          if (to.charCodeAt(toStart + i) === 92) return toOrig.slice(toStart + i + 1); // from is a prefix of to
          if (i === 2) return toOrig.slice(toStart + i); // from is a drive root
        }
        if (fromLen > length) {
          if (from.charCodeAt(fromStart + i) === 92) lastCommonSep = i; // to is a prefix of from
          else if (i === 2) lastCommonSep = 3; // to is a drive root
        }
        if (lastCommonSep === -1) lastCommonSep = 0;
      }
      let out = '';
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === 92) out += out.length === 0 ? '..' : '\\..';
      }
      toStart += lastCommonSep;
      if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
      if (toOrig.charCodeAt(toStart) === 92) ++toStart;
      return toOrig.slice(toStart, toEnd);
    },
    // The '\\?\' long form Windows APIs take: 'C:\x' becomes '\\?\C:\x', '\\srv\share\x'
    // becomes '\\?\UNC\srv\share\x'; anything else (and non-strings) is returned as is.
    toNamespacedPath(p) {
      if (typeof p !== 'string' || p.length === 0) return p;
      const r = win32.resolve(p);
      if (r.length <= 2) return p;
      if (r.charCodeAt(0) === 92) {
        if (r.charCodeAt(1) === 92) {
          const c = r.charCodeAt(2);
          if (c !== 63 && c !== 46) return `\\\\?\\UNC\\${r.slice(2)}`;
        }
      } else if (hasDrive(r) && r.charCodeAt(2) === 92) {
        return `\\\\?\\${r}`;
      }
      return p;
    },
    dirname(p) {
      assertPath(p);
      const len = p.length;
      if (len === 0) return '.';
      if (len === 1) return isWinSep(p.charCodeAt(0)) ? p : '.';
      const root = win32RootEnd(p);
      if (root.whole) return p; // nothing but a root: 'C:', 'C:\', '\\server\share'
      const offset = root.end === -1 ? 0 : root.end;
      let end = -1, matchedSlash = true;
      for (let i = len - 1; i >= offset; --i) {
        if (isWinSep(p.charCodeAt(i))) { if (!matchedSlash) { end = i; break; } } else matchedSlash = false;
      }
      if (end === -1) {
        if (root.end === -1) return '.';
        end = root.end;
      }
      return p.slice(0, end);
    },
    basename(p, suffix) {
      if (suffix !== undefined) assertPath(suffix, 'ext');
      assertPath(p);
      // A drive prefix is never part of the base name ('C:' alone has none).
      return baseName(p, suffix, hasDrive(p) ? 2 : 0, isWinSep);
    },
    extname(p) {
      assertPath(p);
      return extName(p, hasDrive(p) ? 2 : 0, isWinSep);
    },
    format(o) { return formatWith('\\', o); },
    parse(p) {
      assertPath(p);
      const ret = { root: '', dir: '', base: '', ext: '', name: '' };
      if (p.length === 0) return ret;
      const root = win32RootEnd(p);
      if (root.whole) { ret.root = ret.dir = p; return ret; }
      const rootEnd = root.end === -1 ? 0 : root.end;
      if (rootEnd > 0) ret.root = p.slice(0, rootEnd);
      const { startPart, startDot, end, plain } = scanBase(p, rootEnd, isWinSep);
      if (end !== -1) {
        if (plain) ret.base = ret.name = p.slice(startPart, end);
        else { ret.name = p.slice(startPart, startDot); ret.base = p.slice(startPart, end); ret.ext = p.slice(startDot, end); }
      }
      ret.dir = startPart > 0 && startPart !== rootEnd ? p.slice(0, startPart - 1) : ret.root;
      return ret;
    },
  };
  // basename with a separator test and a start index (after a drive), shared by both flavours.
  function baseName(p, suffix, start, isSep) {
    let end = -1, matchedSlash = true;
    if (suffix !== undefined && suffix.length > 0 && suffix.length <= p.length) {
      if (suffix === p) return '';
      let extIdx = suffix.length - 1, firstNonSlashEnd = -1;
      for (let i = p.length - 1; i >= start; --i) {
        const code = p.charCodeAt(i);
        if (isSep(code)) { if (!matchedSlash) { start = i + 1; break; } } else {
          if (firstNonSlashEnd === -1) { matchedSlash = false; firstNonSlashEnd = i + 1; }
          if (extIdx >= 0) {
            if (code === suffix.charCodeAt(extIdx)) { if (--extIdx === -1) end = i; } else { extIdx = -1; end = firstNonSlashEnd; }
          }
        }
      }
      if (start === end) end = firstNonSlashEnd; else if (end === -1) end = p.length;
      return p.slice(start, end);
    }
    for (let i = p.length - 1; i >= start; --i) {
      if (isSep(p.charCodeAt(i))) { if (!matchedSlash) { start = i + 1; break; } } else if (end === -1) { matchedSlash = false; end = i + 1; }
    }
    if (end === -1) return '';
    return p.slice(start, end);
  }
  // Scans the last segment of p (from the end down to `start`): where it begins, its last dot,
  // where it ends (before trailing separators), and whether it has no extension ('.', '..',
  // '.bashrc', 'x' have none).
  function scanBase(p, start, isSep) {
    let startDot = -1, startPart = start, end = -1, matchedSlash = true, preDotState = 0;
    for (let i = p.length - 1; i >= start; --i) {
      const code = p.charCodeAt(i);
      if (isSep(code)) { if (!matchedSlash) { startPart = i + 1; break; } continue; }
      if (end === -1) { matchedSlash = false; end = i + 1; }
      if (code === 46) { if (startDot === -1) startDot = i; else if (preDotState !== 1) preDotState = 1; } else if (startDot !== -1) preDotState = -1;
    }
    const plain = startDot === -1 || preDotState === 0 || (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
    return { startPart, startDot, end, plain };
  }
  function extName(p, start, isSep) {
    const { startDot, end, plain } = scanBase(p, start, isSep);
    return end === -1 || plain ? '' : p.slice(startDot, end);
  }
  win32._makeLong = win32.toNamespacedPath;
  posix._makeLong = posix.toNamespacedPath;
  posix.win32 = win32.win32 = win32;
  posix.posix = win32.posix = posix;
  return posix;
})();

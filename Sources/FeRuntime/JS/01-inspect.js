// inspect / format
// Uses from earlier files: 00-core.js (hasOwn).
const inspectDefaults = { depth: 2, colors: false, showHidden: false, breakLength: 80, compact: 3 };
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const STYLES = { number: 33, bigint: 33, boolean: 33, undefined: 90, null: 1, string: 32, symbol: 32,
  date: 35, regexp: 31, special: 36, name: 0 };
function stylize(s, kind, ctx) {
  const c = ctx.colors && STYLES[kind];
  return c ? `\x1b[${c}m${s}\x1b[${c === 1 ? 22 : 39}m` : s;
}
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function quote(s) {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') ? '`' : "'";
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0').toUpperCase();
    else out += ch;
  }
  return q + out + q;
}
function formatKey(k, ctx) {
  if (typeof k === 'symbol') return `[${stylize(k.toString(), 'symbol', ctx)}]`;
  return IDENT.test(k) ? stylize(k, 'name', ctx) : stylize(quote(k), 'string', ctx);
}
function formatPrimitive(v, ctx) {
  switch (typeof v) {
    case 'string':
      // Long strings go one line per '\n', joined with +, as Node prints them.
      if (ctx.compact !== true && v.length > 16 && v.length > ctx.breakLength - ctx.indentation - 4) {
        return v.split(/(?<=\n)/).map((line) => stylize(quote(line), 'string', ctx)).join(` +\n${' '.repeat(ctx.indentation + 2)}`);
      }
      return stylize(quote(v), 'string', ctx);
    case 'number': return stylize(Object.is(v, -0) ? '-0' : String(v), 'number', ctx);
    case 'bigint': return stylize(`${v}n`, 'bigint', ctx);
    case 'boolean': return stylize(String(v), 'boolean', ctx);
    case 'undefined': return stylize('undefined', 'undefined', ctx);
    case 'symbol': return stylize(v.toString(), 'symbol', ctx);
  }
  return stylize('null', 'null', ctx);
}
function constructorName(obj) {
  let o = obj;
  while (o !== null && o !== undefined) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
    o = Object.getPrototypeOf(o);
  }
  return null;
}
function formatError(err, ctx) {
  let stack = typeof err.stack === 'string' && err.stack ? err.stack : Error.prototype.toString.call(err);
  // A nested error's stack lines line up with its position, as Node prints them.
  if (ctx.indentation) stack = stack.split('\n').join(`\n${' '.repeat(ctx.indentation)}`);
  const keys = Object.keys(err).filter((k) => !(k === 'stack' || k === 'message'));
  // A non-enumerable own `cause` prints as [cause], as Node does.
  const hiddenCause = hasOwn(err, 'cause') && !keys.includes('cause');
  if (keys.length === 0 && !hiddenCause) return stack;
  const depth = ctx.depthNow;
  const prevIndent = ctx.indentation;
  ctx.indentation += 2;
  ctx.seen.push(err);
  const extra = keys.map((k) => `${formatKey(k, ctx)}: ${formatValue(err[k], ctx, depth + 1)}`);
  if (hiddenCause) extra.push(`[cause]: ${formatValue(err.cause, ctx, depth + 1)}`);
  ctx.seen.pop();
  ctx.indentation = prevIndent;
  const ind = ' '.repeat(prevIndent);
  return `${stack} {\n${extra.map((l) => `${ind}  ${l}`).join(',\n')}\n${ind}}`;
}
// Node's reduceToSingleString: entries go on one line when they fit in breakLength and the
// object holds fewer than `compact` levels of nesting below it.
function reduceToSingleString(ctx, output, base, braces, depth, isArray, value) {
  if (ctx.compact !== true && typeof ctx.compact === 'number' && ctx.compact >= 1) {
    const entries = output.length;
    if (isArray && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - depth < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentation + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  }
  const ind = `\n${' '.repeat(ctx.indentation)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${ind}  ${output.join(`,${ind}  `)}${ind}${braces[1]}`;
}
const stripColors = (s) => s.replace(/\x1b\[\d+m/g, '');
function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (const o of output) {
    total += (ctx.colors ? stripColors(o) : o).length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}
// Node's groupArrayElements: long arrays of short entries in aligned columns.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0, maxLength = 0, i = 0;
  let outputLength = output.length;
  if (ctx.extraItems) outputLength--;
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    const len = ctx.colors ? stripColors(output[i]).length : output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentation < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentation) / actualMax), ctx.compact * 4, 15);
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let k = 0; k < output.length; k++) {
        if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') { padStart = false; break; }
      }
    }
    for (let r = 0; r < outputLength; r += columns) {
      const max = Math.min(r + columns, outputLength);
      let str = '';
      let j = r;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - r] + output[j].length - dataLen[j];
        str += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
      }
      if (padStart) str += output[j].padStart(maxLineLength[j - r] + output[j].length - dataLen[j] - separatorSpace, ' ');
      else str += output[j];
      tmp.push(str);
    }
    if (ctx.extraItems) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}
function formatValue(v, ctx, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return formatPrimitive(v, ctx);
  if (ctx.seen.includes(v)) {
    ctx.circular = ctx.circular || new Map();
    if (!ctx.circular.has(v)) ctx.circular.set(v, ctx.circular.size + 1);
    return stylize(`[Circular *${ctx.circular.get(v)}]`, 'special', ctx);
  }
  if (ctx.customInspect !== false && typeof v[customInspect] === 'function' && v[customInspect] !== inspect) {
    const r = v[customInspect](ctx.depth - depth, { ...ctx, stylize: (s) => s }, inspect);
    // A string result is indented to where it is nested, as Node does.
    if (r !== v) return typeof r === 'string' ? r.replace(/\n/g, `\n${' '.repeat(ctx.indentation)}`) : formatValue(r, ctx, depth);
  }
  ctx.depthNow = depth;
  const name = constructorName(v);
  let base = '';
  let braces = ['{', '}'];
  let entries = null;
  let keys = Object.keys(v);
  const symbols = Object.getOwnPropertySymbols(v).filter((s) => Object.getOwnPropertyDescriptor(v, s).enumerable);
  let isArrayLike = false;
  if (Array.isArray(v)) {
    const prefix = name !== 'Array' ? `${name || '[Array: null prototype]'}(${v.length}) ` : '';
    braces = [`${prefix}[`, ']'];
    isArrayLike = true;
    keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k) || Number(k) >= v.length);
    if (v.length === 0 && keys.length === 0 && symbols.length === 0) return `${braces[0]}]`;
  } else if (typeof v === 'function') {
    const fname = v.name ? `: ${v.name}` : ' (anonymous)';
    const isClass = Function.prototype.toString.call(v).startsWith('class');
    base = stylize(isClass ? `[class ${v.name || '(anonymous)'}]` : `[${v.constructor && v.constructor.name === 'AsyncFunction' ? 'AsyncFunction' : 'Function'}${fname}]`, 'special', ctx);
    keys = keys.filter((k) => k !== 'prototype');
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (v instanceof Error) {
    return formatError(v, ctx);
  } else if (v instanceof RegExp) {
    base = stylize(RegExp.prototype.toString.call(v), 'regexp', ctx);
    if (keys.length === 0) return base;
  } else if (v instanceof Date) {
    base = stylize(Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString(), 'date', ctx);
    if (keys.length === 0) return base;
  } else if (v instanceof Map) {
    braces = [`Map(${v.size}) {`, '}'];
    if (v.size === 0 && keys.length === 0) return `${braces[0]}}`;
    entries = () => [...v].map(([k, val]) => `${formatValue(k, ctx, depth + 1)} => ${formatValue(val, ctx, depth + 1)}`);
  } else if (v instanceof Set) {
    braces = [`Set(${v.size}) {`, '}'];
    if (v.size === 0 && keys.length === 0) return `${braces[0]}}`;
    entries = () => [...v].map((x) => formatValue(x, ctx, depth + 1));
  } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    // A Buffer prints as <Buffer ...> through its own inspect; without it, as Buffer(n) [Uint8Array] [ ... ].
    const tag = v[Symbol.toStringTag];
    braces = [`${name}(${v.length}) ${tag && tag !== name ? `[${tag}] ` : ''}[`, ']'];
    isArrayLike = true;
    keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    if (v.length === 0 && keys.length === 0) return `${braces[0]}]`;
  } else if (v instanceof Promise) {
    braces = ['Promise {', '}'];
    entries = () => [ops.op_promise_state(v)].map(([s, r]) => (s === 0 ? stylize('<pending>', 'special', ctx) : s === 1 ? formatValue(r, ctx, depth + 1) : `${stylize('<rejected>', 'special', ctx)} ${formatValue(r, ctx, depth + 1)}`));
  } else if (v instanceof WeakMap || v instanceof WeakSet) {
    return `${name} { ${stylize('<items unknown>', 'special', ctx)} }`;
  } else if (typeof v === 'object' && (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt || v instanceof Symbol)) {
    const t = v instanceof Number ? 'Number' : v instanceof String ? 'String' : v instanceof Boolean ? 'Boolean' : v instanceof BigInt ? 'BigInt' : 'Symbol';
    base = `[${t}: ${formatPrimitive(v.valueOf(), ctx)}]`;
    if (t === 'String') keys = keys.filter((k) => !/^\d+$/.test(k));
    if (keys.length === 0) return base;
  } else if (name === null) {
    braces = ['[Object: null prototype] {', '}'];
  } else if (name !== 'Object') {
    const tag = v[Symbol.toStringTag];
    braces = [`${name}${tag && tag !== name ? ` [${tag}]` : ''} {`, '}'];
  } else if (v[Symbol.toStringTag]) {
    braces = [`Object [${v[Symbol.toStringTag]}] {`, '}'];
  }
  if (depth > ctx.depth) {
    if (isArrayLike) return stylize('[Array]', 'special', ctx);
    return stylize(`[${name || 'Object'}]`, 'special', ctx);
  }
  ctx.seen.push(v);
  // Like Node, only objects with entries count as a level of nesting for line breaking.
  if (keys.length > 0 || symbols.length > 0 || entries || (isArrayLike && v.length > 0)) ctx.currentDepth = depth;
  let output = [];
  const prevIndent = ctx.indentation;
  try {
    if (isArrayLike) {
      const max = Math.min(v.length, ctx.maxArrayLength === undefined ? 100 : Math.max(ctx.maxArrayLength, 0));
      let holes = 0;
      for (let i = 0; i < max; i++) {
        if (!hasOwn(v, i) && Array.isArray(v)) { holes++; continue; }
        if (holes) { output.push(stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined', ctx)); holes = 0; }
        ctx.indentation = prevIndent + 2;
        output.push(formatValue(v[i], ctx, depth + 1));
      }
      if (holes) output.push(stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined', ctx));
      if (v.length > max) output.push(`... ${v.length - max} more item${v.length - max > 1 ? 's' : ''}`);
    }
    if (entries) { ctx.indentation = prevIndent + 2; output = output.concat(entries()); }
    for (const k of [...keys, ...symbols]) {
      ctx.indentation = prevIndent + 2;
      const d = Object.getOwnPropertyDescriptor(v, k);
      let str;
      if (d && d.get) str = stylize(d.set ? '[Getter/Setter]' : '[Getter]', 'special', ctx);
      else if (d && d.set) str = stylize('[Setter]', 'special', ctx);
      else str = formatValue(v[k], ctx, depth + 1);
      output.push(`${formatKey(k, ctx)}: ${str}`);
    }
  } finally {
    ctx.seen.pop();
    ctx.indentation = prevIndent;
  }
  if (ctx.sorted) {
    // Arrays keep their element order; only the named properties after them are sorted.
    const cmp = typeof ctx.sorted === 'function' ? ctx.sorted : undefined;
    const named = keys.length + symbols.length;
    if (!isArrayLike) output.sort(cmp);
    else if (named > 1) output.splice(output.length - named, named, ...output.slice(output.length - named).sort(cmp));
  }
  let refPrefix = '';
  if (ctx.circular && ctx.circular.has(v)) refPrefix = stylize(`<ref *${ctx.circular.get(v)}>`, 'special', ctx) + ' ';
  if (base && output.length === 0) return refPrefix + base;
  if (output.length === 0) return `${refPrefix}${braces[0]}${braces[1]}`;
  return refPrefix + reduceToSingleString(ctx, output, base, braces, depth, isArrayLike, v);
}
function inspect(value, opts) {
  const ctx = { ...inspectDefaults, seen: [], indentation: 0 };
  if (typeof opts === 'object' && opts !== null) Object.assign(ctx, opts);
  if (ctx.depth === null) ctx.depth = Infinity;
  return formatValue(value, ctx, 0);
}
inspect.custom = customInspect;
inspect.defaultOptions = inspectDefaults;

function formatWithOptions(opts, ...args) {
  const first = args[0];
  let out = '';
  let a = 0;
  if (typeof first === 'string') {
    if (args.length === 1) return first; // a lone string is not a format: '%%' stays '%%'
    a = 1;
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const c = first[i + 1];
      if (c === '%') { out += first.slice(last, i) + '%'; last = i + 2; i++; continue; }
      if (a >= args.length) continue;
      let rep;
      const arg = args[a];
      switch (c) {
        case 's':
          rep = typeof arg === 'string' ? arg : typeof arg === 'bigint' ? `${arg}n`
            : (typeof arg === 'object' && arg !== null) ? inspect(arg, { ...opts, depth: 0, colors: false, compact: 3 })
            : typeof arg === 'symbol' ? arg.toString() : Object.is(arg, -0) ? '-0' : String(arg);
          break;
        case 'd': case 'i':
          rep = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'symbol' ? 'NaN'
            : String(c === 'i' ? Math.trunc(Number(arg)) : Number(arg));
          if (c === 'i' && typeof arg !== 'bigint') rep = String(parseInt(arg));
          break;
        case 'f': rep = typeof arg === 'symbol' ? 'NaN' : String(parseFloat(arg)); break;
        case 'j': try { rep = JSON.stringify(arg); } catch { rep = '[Circular]'; } break;
        case 'o': rep = inspect(arg, { ...opts, showHidden: true, showProxy: true, depth: 4 }); break;
        case 'O': rep = inspect(arg, opts); break;
        case 'c': rep = ''; break;
        default: continue;
      }
      out += first.slice(last, i) + rep;
      last = i + 2;
      i++;
      a++;
    }
    out += first.slice(last);
  }
  for (; a < args.length; a++) {
    const v = args[a];
    if (out.length > 0 || a > 0) out += ' ';
    out += typeof v === 'string' ? v : inspect(v, opts);
  }
  return out;
}
const format = (...args) => formatWithOptions({}, ...args);

// inspect / format
// Uses from earlier files: 00-core.js (core, hasOwn, check).
const inspectDefaults = {
  showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false, maxArrayLength: 100,
  maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false,
};
const customInspect = Symbol.for('nodejs.util.inspect.custom');
// Object's introspection as the runtime started with it: a program that replaces Object.keys
// and the like does not change what inspect shows (Node's inspect uses its primordials).
const inspectKeysOf = Object.keys, inspectOwnNamesOf = Object.getOwnPropertyNames;
const inspectOwnSymbolsOf = Object.getOwnPropertySymbols, inspectOwnDescriptorOf = Object.getOwnPropertyDescriptor;
const inspectPrototypeOf = Object.getPrototypeOf;
// inspect.colors (SGR start and end codes by name) and inspect.styles (a color name by kind),
// as Node has them: changing either changes what colors: true prints.
const inspectColors = Object.assign(Object.create(null), {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25], inverse: [7, 27],
  hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24], black: [30, 39], red: [31, 39], green: [32, 39],
  yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49],
  bgGreen: [42, 49], bgYellow: [43, 49], bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39], yellowBright: [93, 39],
  blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39], bgGray: [100, 49],
  bgRedBright: [101, 49], bgGreenBright: [102, 49], bgYellowBright: [103, 49], bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49], bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
});
// Node's aliases: non-enumerable names for the same codes.
for (const [alias, target] of [['gray', 'grey'], ['gray', 'blackBright'], ['bgGray', 'bgGrey'], ['bgGray', 'bgBlackBright'],
  ['dim', 'faint'], ['strikethrough', 'crossedout'], ['strikethrough', 'strikeThrough'], ['strikethrough', 'crossedOut'],
  ['hidden', 'conceal'], ['inverse', 'swapColors'], ['inverse', 'swapcolors'], ['doubleunderline', 'doubleUnderline']]) {
  Object.defineProperty(inspectColors, target, {
    get() { return this[alias]; },
    set(value) { Object.defineProperty(this, alias, { value, configurable: true, enumerable: true, writable: true }); },
    configurable: true, enumerable: false,
  });
}
const inspectStyles = Object.assign(Object.create(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey', null: 'bold',
  string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
});
// Node's ansi pattern (internal/util/inspect.js): colours, cursor moves and OSC sequences.
const ansiPattern = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
const stripVTControlCharacters = (s) => s.replace(ansiPattern, '');
// Node's getStringWidth without ICU (lib/internal/util/inspect.js): the columns a string takes
// on a terminal (console.table, readline).
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let width = 0;
  for (const char of str.normalize('NFC')) {
    const code = char.codePointAt(0);
    if (isFullWidthCodePoint(code)) width += 2;
    else if (!isZeroWidthCodePoint(code)) width++;
  }
  return width;
}
const isFullWidthCodePoint = (code) => code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
  (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
  (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
  (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
  (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));
const isZeroWidthCodePoint = (code) => code <= 0x1F || (code >= 0x7F && code <= 0x9F) || (code >= 0x300 && code <= 0x36F) ||
  (code >= 0x200B && code <= 0x200F) || (code >= 0x20D0 && code <= 0x20FF) || (code >= 0xFE00 && code <= 0xFE0F) ||
  (code >= 0xFE20 && code <= 0xFE2F) || (code >= 0xE0100 && code <= 0xE01EF);
// Without colors, a `stylize` function given in the options styles every part (as Node's
// ctx.stylize); with colors, the colors do.
function stylize(s, kind, ctx) {
  if (!ctx.colors) return typeof ctx.stylize === 'function' ? ctx.stylize(s, kind) : s;
  const style = inspectStyles[kind];
  if (style === undefined) return s;
  const color = inspectColors[style];
  return color === undefined ? s : `\x1b[${color[0]}m${s}\x1b[${color[1]}m`;
}
const IDENT = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
// Node's strEscape: single quotes unless the string holds one (then double quotes, else
// backticks when there is no backtick or '${'); control characters, C1 controls, the quote,
// backslashes and lone surrogates are escaped (\x0B for a vertical tab, as Node writes it).
const ESCAPE_META = [];
for (let i = 0; i < 160; i++) ESCAPE_META.push(i < 32 || (i > 126) ? `\\x${i.toString(16).toUpperCase().padStart(2, '0')}` : '');
ESCAPE_META[8] = '\\b'; ESCAPE_META[9] = '\\t'; ESCAPE_META[10] = '\\n'; ESCAPE_META[12] = '\\f'; ESCAPE_META[13] = '\\r';
ESCAPE_META[39] = "\\'"; ESCAPE_META[92] = '\\\\';
// Control characters, quotes and backslashes escaped as in a quoted string, without the quotes
// (symbol descriptions and non-enumerable keys).
function escapeControl(str) {
  return str.replace(/[\x00-\x1f\x27\x5c\x7f-\x9f]/g, (c) => ESCAPE_META[c.charCodeAt(0)]);
}
function quote(str) {
  let q = 39;
  if (str.includes("'")) {
    if (!str.includes('"')) q = 34;
    else if (!str.includes('`') && !str.includes('${')) q = 96;
  }
  const qc = String.fromCharCode(q);
  if (!/[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]/.test(str)) return qc + str + qc;
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === q || c === 92 || c < 32 || (c > 126 && c < 160)) {
      out += str.slice(last, i) + (c === q && q !== 39 ? `\\${qc}` : ESCAPE_META[c]);
      last = i + 1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < str.length) {
        const d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
      }
      out += `${str.slice(last, i)}\\u${c.toString(16)}`;
      last = i + 1;
    }
  }
  return qc + out + str.slice(last) + qc;
}
function formatKey(k, ctx) {
  if (typeof k === 'symbol') return `[${stylize(k.toString(), 'symbol', ctx)}]`;
  return IDENT.test(k) ? stylize(k, 'name', ctx) : stylize(quote(k), 'string', ctx);
}
function formatPrimitive(v, ctx) {
  const fn = (x, kind) => stylize(x, kind, ctx);
  switch (typeof v) {
    case 'string': {
      let trailer = '';
      const max = ctx.maxStringLength === undefined ? 10000 : ctx.maxStringLength === null ? Infinity : ctx.maxStringLength;
      if (v.length > max) {
        const remaining = v.length - max;
        v = v.slice(0, Math.max(max, 0));
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      // Long strings go one line per '\n', joined with +, as Node prints them.
      if (ctx.compact !== true && v.length > 16 && v.length > ctx.breakLength - ctx.indentation - 4) {
        return v.split(/(?<=\n)/).map((line) => fn(quote(line), 'string')).join(` +\n${' '.repeat(ctx.indentation + 2)}`) + trailer;
      }
      return fn(quote(v), 'string') + trailer;
    }
    case 'number': return formatNumber(fn, v, ctx.numericSeparator);
    case 'bigint': return fn(`${ctx.numericSeparator ? separateThousands(String(v)) : String(v)}n`, 'bigint');
    case 'boolean': return fn(String(v), 'boolean');
    case 'undefined': return fn('undefined', 'undefined');
    case 'symbol': return fn(v.toString(), 'symbol');
  }
  return fn('null', 'null');
}
// -0 prints as '-0'; numericSeparator groups digits by three on both sides of the point.
function formatNumber(fn, n, numericSeparator) {
  if (!numericSeparator) return fn(Object.is(n, -0) ? '-0' : `${n}`, 'number');
  const integer = Math.trunc(n);
  const string = String(integer);
  if (integer === n) {
    if (!Number.isFinite(n) || string.includes('e')) return fn(string, 'number');
    return fn(separateThousands(string), 'number');
  }
  if (Number.isNaN(n)) return fn(string, 'number');
  const frac = String(n).slice(string.length + 1);
  let end = '';
  let i = 0;
  for (; i < frac.length - 3; i += 3) end += `${frac.slice(i, i + 3)}_`;
  return fn(`${separateThousands(string)}.${i === 0 ? frac : end + frac.slice(i)}`, 'number');
}
function separateThousands(s) {
  let result = '';
  let i = s.length;
  const start = s.startsWith('-') ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${s.slice(i - 3, i)}${result}`;
  return i === s.length ? s : `${s.slice(0, i)}${result}`;
}
// Node's getConstructorName: the first `constructor` up the prototype chain that names a
// function the object is an instance of (so a prototype object is not named after its own
// class); null for an object whose prototype is null. Otherwise V8's class name of the object
// with its prototype's name: `Foo <Object <Complex prototype>>` (with a ctx to bound the depth).
function constructorName(obj, ctx, depth = 0) {
  let o = obj;
  let firstProto;
  while (o !== null && o !== undefined) {
    const d = inspectOwnDescriptorOf(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '' && isInstanceof(obj, d.value)) return String(d.value.name);
    o = inspectPrototypeOf(o);
    if (firstProto === undefined) firstProto = o;
  }
  if (firstProto === null) return null;
  const res = ops.op_constructor_name(obj);
  if (ctx === undefined) return res;
  if (depth > ctx.depth) return `${res} <Complex prototype>`;
  const protoName = constructorName(firstProto, ctx, depth + 1);
  if (protoName === null) return `${res} <${inspect(firstProto, { ...userOptions(ctx), customInspect: false, depth: -1 })}>`;
  return `${res} <${protoName}>`;
}
// Node's getCtxStyle: a null-prototype object is named after V8's class name for it.
function ctxPrefix(v, name, tag) {
  let fallback = '';
  if (name === null) {
    fallback = ops.op_constructor_name(v);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(name, tag, fallback);
}
// showHidden also lists the non-method properties (accessors mostly) of up to three prototypes
// of a user-defined class, as Node's addPrototypeProperties does; built-in prototypes stop it.
function prototypeProperties(main, ctx, depth) {
  const out = [];
  let obj = main;
  let start = main;
  // Node starts at the prototype that holds the constructor it named, when that is not a
  // built-in one; otherwise there is nothing to add.
  while (start !== null) {
    const d = inspectOwnDescriptorOf(start, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '' && isInstanceof(main, d.value)) break;
    start = inspectPrototypeOf(start);
  }
  if (start === null) return out;
  const firstProto = inspectPrototypeOf(main);
  const ctorName = inspectOwnDescriptorOf(start, 'constructor').value.name;
  if (start === firstProto && builtInObjects.has(ctorName)) return out;
  obj = start === main ? main : firstProto;
  const seenKeys = new Set();
  let keys = [];
  for (let level = 0; level < 3; level++) {
    if (level !== 0 || main === obj) {
      obj = inspectPrototypeOf(obj);
      if (obj === null) break;
      const d = inspectOwnDescriptorOf(obj, 'constructor');
      if (d !== undefined && typeof d.value === 'function' && builtInObjects.has(d.value.name)) break;
    }
    for (let i = 0; i < keys.length; i++) seenKeys.add(keys[i]);
    keys = Reflect.ownKeys(obj);
    ctx.seen.push(main);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === 'constructor' || hasOwn(main, k) || (level !== 0 && seenKeys.has(k))) continue;
      const desc = inspectOwnDescriptorOf(obj, k);
      if (typeof desc.value === 'function') continue;
      const line = formatProperty(obj, k, ctx, depth, desc, main);
      out.push(ctx.colors ? `\x1b[2m${line}\x1b[22m` : line);
    }
    ctx.seen.pop();
  }
  return out;
}
// What V8 says a value is (ops.op_value_is; the kinds are fe_kind in Shim/include/fe_v8.h).
const K_NUMBER_OBJECT = 5, K_STRING_OBJECT = 6, K_SYMBOL_OBJECT = 7, K_BIGINT_OBJECT = 3, K_BOOLEAN_OBJECT = 4;
const K_ASYNC_FUNCTION = 10, K_GENERATOR_FUNCTION = 11, K_DATE = 1, K_ARGUMENTS = 2, K_NATIVE_ERROR = 8, K_REGEXP = 9;
const K_PROMISE = 13, K_MAP = 14, K_SET = 15, K_WEAK_MAP = 18, K_WEAK_SET = 19, K_ARRAY_BUFFER = 20, K_DATA_VIEW = 21;
const K_SHARED_ARRAY_BUFFER = 22, K_MODULE_NAMESPACE = 24, K_TYPED_ARRAY = 26, K_EXTERNAL = 0;
const K_MAP_ITERATOR = 16, K_SET_ITERATOR = 17;
function isKind(v, k) { return ops.op_value_is(v, k); }
const typedArrayLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length').get;
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function inspectIsBoxed(v) {
  return isKind(v, K_NUMBER_OBJECT) || isKind(v, K_STRING_OBJECT) || isKind(v, K_BOOLEAN_OBJECT) || isKind(v, K_BIGINT_OBJECT) || isKind(v, K_SYMBOL_OBJECT);
}
function boxedValue(v) {
  if (isKind(v, K_NUMBER_OBJECT)) return ['Number', Number.prototype.valueOf.call(v)];
  if (isKind(v, K_STRING_OBJECT)) return ['String', String.prototype.valueOf.call(v)];
  if (isKind(v, K_BOOLEAN_OBJECT)) return ['Boolean', Boolean.prototype.valueOf.call(v)];
  if (isKind(v, K_BIGINT_OBJECT)) return ['BigInt', BigInt.prototype.valueOf.call(v)];
  return ['Symbol', Symbol.prototype.valueOf.call(v)];
}
// Symbol.toStringTag when it is not an own property that the keys will show anyway.
function ownTag(v, ctx) {
  // A getter's exception goes to inspect's caller, as in Node.
  const tag = v[Symbol.toStringTag];
  if (typeof tag !== 'string' || (tag !== '' && (ctx.showHidden ? hasOwn(v, Symbol.toStringTag) : Object.prototype.propertyIsEnumerable.call(v, Symbol.toStringTag)))) return '';
  return tag;
}
// Node's getFunctionBase: [Function: f], [AsyncGeneratorFunction (anonymous)],
// [Function (null prototype): f], [class A extends B], plus the constructor and tag when they
// differ from the kind.
function functionBase(v, constructor, tag) {
  const src = Function.prototype.toString.call(v);
  if (src.startsWith('class') && src.endsWith('}')) {
    const slice = src.slice(5, -1);
    const brace = slice.indexOf('{');
    if (brace !== -1 && (!slice.slice(0, brace).includes('(') ||
        /^(\s+[^(]*?)\s*{/.test(slice.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, '')))) {
      const name = (hasOwn(v, 'name') && v.name) || '(anonymous)';
      let base = `class ${name}`;
      if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
      if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
      if (constructor !== null) {
        const superName = inspectPrototypeOf(v).name;
        if (superName) base += ` extends ${superName}`;
      } else base += ' extends [null prototype]';
      return `[${base}]`;
    }
  }
  let type = 'Function';
  if (isKind(v, K_GENERATOR_FUNCTION)) type = `Generator${type}`;
  if (isKind(v, K_ASYNC_FUNCTION)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += v.name === '' ? ' (anonymous)' : `: ${v.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}
// Node's formatArray: up to maxArrayLength items; holes run together as <n empty items>, found
// through the keys so that a huge sparse array costs only its keys.
// Node's formatSetIterInner/formatMapIterInner: the entries V8 previews (flat key, value pairs
// when `keyValue`): values, `[ key, value ]` pairs, or `key => value` for a weak map; a weak
// collection's are sorted, since they may change under it.
function previewItems(ctx, depth, items, keyValue, weak) {
  const count = keyValue ? items.length / 2 : items.length;
  const shown = Math.min(Math.max(ctx.maxArrayLength, 0), count);
  const out = [];
  ctx.indentation += 2;
  for (let i = 0; i < shown; i++) {
    if (!keyValue) {
      out.push(formatValue(items[i], ctx, depth + 1));
      continue;
    }
    const k = formatValue(items[2 * i], ctx, depth + 1);
    const val = formatValue(items[2 * i + 1], ctx, depth + 1);
    out.push(weak ? `${k} => ${val}` : reduceToSingleString(ctx, [k, val], '', ['[', ']'], depth, true, undefined));
  }
  ctx.indentation -= 2;
  if (weak && !ctx.sorted) out.sort();
  const remaining = count - shown;
  if (remaining > 0) out.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return out;
}
// `length`: a typed array's own (its `length` property may say otherwise). As Node's
// formatTypedArray, its elements print as numbers when the first one reads as a number, else
// as BigInts.
function formatArrayItems(v, ctx, depth, length = v.length, typed = false) {
  const len = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output = [];
  const asBigInt = typed && !(v.length > 0 && typeof v[0] === 'number');
  const item = (k) => {
    const x = v[k];
    return asBigInt && typeof x !== 'bigint' ? stylize(`${x}n`, 'bigint', ctx) : formatValue(x, ctx, depth + 1);
  };
  const isArr = Array.isArray(v);
  for (let i = 0; i < len; i++) {
    if (isArr && !hasOwn(v, i)) return formatSparse(v, ctx, len, output, i, item);
    output.push(item(i));
  }
  const remaining = v.length - len;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}
function formatSparse(v, ctx, maxLength, output, i, item) {
  const keys = inspectKeysOf(v);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) break;
      const empty = tmp - index;
      output.push(stylize(`<${empty} empty item${empty > 1 ? 's' : ''}>`, 'undefined', ctx));
      index = tmp;
      if (output.length === maxLength) break;
    }
    output.push(item(key));
    index++;
  }
  const remaining = v.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) output.push(stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined', ctx));
  } else if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}
function isInstanceof(obj, ctor) {
  try { return obj instanceof ctor; } catch { return false; }
}
// One `key: value` line. Accessors print as [Getter], [Setter] or [Getter/Setter]; with the
// `getters` option ('get' or 'set' to limit it) the getter runs on the object and its value
// follows the label.
// `arrayExtra`: a named property of an array (Node's kArrayExtrasType), which compact mode
// never moves onto a line of its own.
function formatProperty(v, k, ctx, depth, desc, original = v, arrayExtra = false) {
  const s = (x, kind) => stylize(x, kind, ctx);
  let d;
  try {
    d = desc || inspectOwnDescriptorOf(v, k) || { value: v[k], enumerable: true };
  } catch (err) {
    // A module namespace's binding before its module ran (Node's formatNamespaceObject).
    if (!isKind(v, K_MODULE_NAMESPACE) || err?.name !== 'ReferenceError') throw err;
    return `${formatKey(k, ctx)}: ${s('<uninitialized>', 'special')}`;
  }
  let str;
  let separator = ' ';
  const prev = ctx.indentation;
  if (d.value !== undefined || !('get' in d)) {
    // compact: true puts an object property's value that is wider than breakLength on the
    // next line, indented (Node's formatProperty).
    const diff = ctx.compact !== true || arrayExtra ? 2 : 3;
    ctx.indentation += diff;
    str = 'value' in d ? formatValue(d.value, ctx, depth + 1) : s('undefined', 'undefined');
    if (diff === 3 && ctx.breakLength < getStringWidth(str)) separator = `\n${' '.repeat(ctx.indentation)}`;
  } else if (d.get !== undefined) {
    const label = d.set !== undefined ? 'Getter/Setter' : 'Getter';
    const g = ctx.getters;
    if (g && (g === true || (g === 'get' && d.set === undefined) || (g === 'set' && d.set !== undefined))) {
      try {
        const tmp = d.get.call(original);
        ctx.indentation += 2;
        if (tmp === null) str = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${s(']', 'special')}`;
        else if (typeof tmp === 'object' || typeof tmp === 'function') str = `${s(`[${label}]`, 'special')} ${formatValue(tmp, ctx, depth + 1)}`;
        else str = `${s(`[${label}:`, 'special')} ${formatPrimitive(tmp, ctx)}${s(']', 'special')}`;
      } catch (err) {
        str = `${s(`[${label}:`, 'special')} <Inspection threw (${err.message})>${s(']', 'special')}`;
      }
    } else str = s(`[${label}]`, 'special');
  } else str = d.set !== undefined ? s('[Setter]', 'special') : s('undefined', 'undefined');
  ctx.indentation = prev;
  let name;
  if (typeof k === 'symbol') name = `[${s(escapeControl(k.toString()), 'symbol')}]`;
  else if (k === '__proto__') name = "['__proto__']";
  else if (d.enumerable === false) name = `[${escapeControl(k)}]`;
  else name = formatKey(k, ctx);
  return `${name}:${separator}${str}`;
}
// Node's formatError: the stack (or 'Name: message' when there is none, in brackets), with the
// class name put in front when the stack names another (`Foo [TypeError]: x`); name, message
// and stack keys that the stack already shows are left out of the keys; a cause and an
// AggregateError's errors are always listed.
function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = err.stack ? String(err.stack) : Error.prototype.toString.call(err);
  if (!ctx.showHidden && keys.length !== 0) {
    const hidden = ['name', 'message', 'stack'];
    for (let h = 0; h < hidden.length; h++) {
      const k = hidden[h];
      const i = keys.indexOf(k);
      if (i !== -1 && stack.includes(err[k])) keys.splice(i, 1);
    }
  }
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(err.errors) && !keys.includes('errors')) keys.push('errors');
  let len = name.length;
  if (constructor === null || (name.endsWith('Error') && stack.startsWith(name) && (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      else stack = `${prefix} [${name}]${stack.slice(len)}`;
    }
  }
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) stack = `[${stack}]`;
  else if (ctx.colors) stack = stack.slice(0, stackStart) + highlightFrames(ctx, stack.slice(stackStart + 1).split('\n'));
  // A nested error's stack lines line up with its position, as Node prints them.
  if (ctx.indentation !== 0) stack = stack.replace(/\n/g, `\n${' '.repeat(ctx.indentation)}`);
  return stack;
}
// With colors, Node grays the frames of its own code and the current directory, and underlines
// package names under node_modules; fe's own frames (fe:runtime.js) are grayed as Node's are.
const coreFrameRegExp = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
const feFrameRegExp = /^ {4}at (?:[^/\\(]+ \(|)fe:runtime\.js:\d+:\d+\)?$/;
function highlightFrames(ctx, lines) {
  let cwd;
  try { cwd = process.cwd(); } catch { /* none */ }
  let cwdURL;
  let out = '';
  for (let line of lines) {
    const builtin = coreFrameRegExp.exec(line);
    if ((builtin !== null && core.isBuiltin(builtin[1])) || feFrameRegExp.test(line)) {
      out += `\n${stylize(line, 'undefined', ctx)}`;
      continue;
    }
    line = line.replace(/([/\\]node_modules[/\\])(.+?)(?=[/\\])/g, (_, dir, name) => `${dir}${stylize(name, 'module', ctx)}`);
    if (cwd !== undefined) {
      let marked = markCwd(ctx, line, cwd);
      if (marked === line) {
        cwdURL ??= pathToFileURL(cwd).href;
        marked = markCwd(ctx, line, cwdURL);
      }
      line = marked;
    }
    out += `\n${line}`;
  }
  return out;
}
// Node's markCwd: the current directory's part of a frame (and its closing parenthesis) grayed.
function markCwd(ctx, line, dir) {
  let at = line.indexOf(dir);
  if (at === -1) return line;
  let length = dir.length;
  if (line.slice(at - 7, at) === 'file://') {
    length += 7;
    at -= 7;
  }
  const start = line[at - 1] === '(' ? at - 1 : at;
  const end = start !== at && line.endsWith(')') ? -1 : line.length;
  const dirEnd = at + length + 1;
  let out = line.slice(0, start) + stylize(line.slice(start, dirEnd), 'undefined', ctx) + line.slice(dirEnd, end);
  if (end === -1) out += stylize(')', 'undefined', ctx);
  return out;
}
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
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
  if (ctx.compact === true) {
    // compact: true puts as much as fits on each line, the opening brace first.
    if (isBelowBreakLength(ctx, output, 0, base)) return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
    const indentation = ' '.repeat(ctx.indentation);
    const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }
  const ind = `\n${' '.repeat(ctx.indentation)}`;
  return `${base ? `${base} ` : ''}${braces[0]}${ind}  ${output.join(`,${ind}  `)}${ind}${braces[1]}`;
}
const stripColors = (s) => s.replace(/\x1b\[\d+m/g, '');
function isBelowBreakLength(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    const o = output[i];
    total += (ctx.colors ? stripColors(o) : o).length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}
// Node's groupArrayElements: long arrays of short entries in aligned columns.
function groupArrayElements(ctx, output, value) {
  let totalLength = 0, maxLength = 0, i = 0;
  let outputLength = output.length;
  // The "... n more items" entry is left out of the columns (Node's check).
  const extraItems = ctx.maxArrayLength < output.length;
  if (extraItems) outputLength--;
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    const len = getStringWidth(output[i]);
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
    if (extraItems) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}
function formatValue(v, ctx, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return formatPrimitive(v, ctx);
  // A proxy is shown as its target (with showProxy, target and handler) without running any of
  // its traps; a custom inspect function is still called on the proxy itself.
  const context = v;
  const proxy = ops.op_proxy_details(v, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) return stylize('<Revoked Proxy>', 'special', ctx);
    if (ctx.showProxy) return formatProxy(proxy, ctx, depth);
    v = proxy;
  }
  if (ctx.seen.includes(v)) {
    ctx.circular = ctx.circular || new Map();
    if (!ctx.circular.has(v)) ctx.circular.set(v, ctx.circular.size + 1);
    return stylize(`[Circular *${ctx.circular.get(v)}]`, 'special', ctx);
  }
  const maybeCustom = ctx.customInspect ? v[customInspect] : undefined;
  if (typeof maybeCustom === 'function' && maybeCustom !== inspect && !(v.constructor && v.constructor.prototype === v)) {
    const r = maybeCustom.call(context, ctx.depth === Infinity ? null : ctx.depth - depth, userOptions(ctx), inspect);
    // A string result is indented to where it is nested, as Node does.
    if (r !== context) return typeof r === 'string' ? r.replace(/\n/g, `\n${' '.repeat(ctx.indentation)}`) : formatValue(r, ctx, depth);
  }
  ctx.depthNow = depth;
  const name = constructorName(v, ctx, depth);
  let base = '';
  let braces = ['{', '}'];
  let entries = null;
  // showHidden adds the non-enumerable keys, which print as [key].
  let keys;
  try {
    keys = ctx.showHidden ? inspectOwnNamesOf(v) : inspectKeysOf(v);
  } catch (err) {
    // Object.keys reads each binding of a module namespace: one before its module ran throws
    // (Node's getKeys falls back to the names, as here).
    if (!isKind(v, K_MODULE_NAMESPACE) || err?.name !== 'ReferenceError') throw err;
    keys = inspectOwnNamesOf(v);
  }
  const symbols = inspectOwnSymbolsOf(v).filter((s) => ctx.showHidden || inspectOwnDescriptorOf(v, s).enumerable);
  let isArrayLike = false;
  let typedSize, typedBound;
  const tag = ownTag(v, ctx);
  // As Node: only what is iterable (or has no prototype) is shown as a list, set or map; an
  // array whose prototype has no iterator shows as an object.
  const iterable = name === null || Boolean(v[Symbol.iterator]);
  if (iterable && Array.isArray(v)) {
    const prefix = name !== 'Array' || tag !== '' ? getPrefix(name, tag, 'Array', `(${v.length})`) : '';
    braces = [`${prefix}[`, ']'];
    isArrayLike = true;
    keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k) || Number(k) >= 2 ** 32 - 1);
    if (v.length === 0 && keys.length === 0 && symbols.length === 0) return `${braces[0]}]`;
  } else if (iterable && isKind(v, K_SET)) {
    const size = Reflect.get(Set.prototype, 'size', v);
    const prefix = getPrefix(name, tag, 'Set', `(${size})`);
    if (size === 0 && keys.length === 0 && symbols.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
    entries = () => {
      ctx.indentation += 2;
      const out = Array.from(Set.prototype.values.call(v), (x) => formatValue(x, ctx, depth + 1));
      ctx.indentation -= 2;
      return out;
    };
  } else if (iterable && isKind(v, K_MAP)) {
    const size = Reflect.get(Map.prototype, 'size', v);
    const prefix = getPrefix(name, tag, 'Map', `(${size})`);
    if (size === 0 && keys.length === 0 && symbols.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
    entries = () => {
      ctx.indentation += 2;
      const out = Array.from(Map.prototype.entries.call(v), ([k, val]) => `${formatValue(k, ctx, depth + 1)} => ${formatValue(val, ctx, depth + 1)}`);
      ctx.indentation -= 2;
      return out;
    };
  } else if (iterable && isKind(v, K_TYPED_ARRAY)) {
    // A Buffer prints as <Buffer ...> through its own inspect.
    const size = Reflect.apply(typedArrayLength, v, []);
    typedSize = size;
    // A null-prototype one is named after its kind, and its elements read through a copy.
    const fallback = name === null ? Reflect.apply(typedArrayTag, v, []) : '';
    if (name === null) typedBound = new globalThis[fallback](v);
    braces = [`${getPrefix(name, tag, fallback, `(${size})`)}[`, ']'];
    isArrayLike = true;
    keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    if (ctx.showHidden) {
      // Node lists these getters (and BYTES_PER_ELEMENT) after the elements; the buffer's
      // contents are left out there.
      entries = () => ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer'].map((k) => {
        ctx.indentation += 2;
        ctx.inTypedArray = k === 'buffer';
        const out = `[${k}]: ${formatValue(v[k], ctx, depth + 1)}`;
        ctx.inTypedArray = false;
        ctx.indentation -= 2;
        return out;
      });
    } else if (size === 0 && keys.length === 0) return `${braces[0]}]`;
  } else if (typeof v === 'function') {
    base = stylize(functionBase(v, name, tag), 'special', ctx);
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (isKind(v, K_REGEXP)) {
    base = RegExp.prototype.toString.call(name !== null ? v : new RegExp(v));
    const prefix = getPrefix(name, tag, 'RegExp');
    if (prefix !== 'RegExp ') base = `${prefix}${base}`;
    if ((keys.length === 0 && symbols.length === 0) || depth > ctx.depth) return stylize(base, 'regexp', ctx);
  } else if (isKind(v, K_DATE)) {
    const t = Date.prototype.getTime.call(v);
    base = Number.isNaN(t) ? Date.prototype.toString.call(v) : Date.prototype.toISOString.call(v);
    const prefix = getPrefix(name, tag, 'Date');
    if (prefix !== 'Date ') base = `${prefix}${base}`;
    if (keys.length === 0 && symbols.length === 0) return stylize(base, 'date', ctx);
  } else if (isKind(v, K_NATIVE_ERROR) || v instanceof Error) {
    base = formatError(v, name, tag, ctx, keys);
    if (keys.length === 0 && symbols.length === 0) return base;
  } else if (isKind(v, K_ARRAY_BUFFER) || isKind(v, K_SHARED_ARRAY_BUFFER)) {
    // { [Uint8Contents]: <00 01 ...>, byteLength: n } as Node prints it.
    const prefix = getPrefix(name, tag, isKind(v, K_ARRAY_BUFFER) ? 'ArrayBuffer' : 'SharedArrayBuffer');
    const byteLength = isKind(v, K_ARRAY_BUFFER) ? Reflect.get(ArrayBuffer.prototype, 'byteLength', v) : Reflect.get(SharedArrayBuffer.prototype, 'byteLength', v);
    if (ctx.inTypedArray && keys.length === 0 && symbols.length === 0) return `${prefix}{ byteLength: ${formatNumber((x, k) => stylize(x, k, ctx), byteLength, false)} }`;
    braces = [`${prefix}{`, '}'];
    keys.unshift('byteLength');
    if (!ctx.inTypedArray) entries = () => {
      let bytes;
      try { bytes = new Uint8Array(v); } catch { return [stylize('(detached)', 'special', ctx)]; }
      const max = Math.min(Math.max(0, ctx.maxArrayLength), bytes.length);
      let str = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ');
      const remaining = bytes.length - max;
      if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
      return [`${stylize('[Uint8Contents]', 'special', ctx)}: <${str}>`];
    };
  } else if (isKind(v, K_DATA_VIEW)) {
    braces = [`${getPrefix(name, tag, 'DataView')}{`, '}'];
    keys.unshift('byteLength', 'byteOffset', 'buffer');
  } else if (isKind(v, K_PROMISE)) {
    braces = [`${getPrefix(name, tag, 'Promise')}{`, '}'];
    entries = () => {
      const [st, r] = ops.op_promise_state(v);
      if (st === 0) return [stylize('<pending>', 'special', ctx)];
      ctx.indentation += 2;
      const out = [st === 2 ? `${stylize('<rejected>', 'special', ctx)} ${formatValue(r, ctx, depth + 1)}` : formatValue(r, ctx, depth + 1)];
      ctx.indentation -= 2;
      return out;
    };
  } else if (isKind(v, K_WEAK_SET) || isKind(v, K_WEAK_MAP)) {
    // Their entries need V8's preview, which fe's engine layer does not expose.
    braces = [`${getPrefix(name, tag, isKind(v, K_WEAK_SET) ? 'WeakSet' : 'WeakMap')}{`, '}'];
    // What it holds now, with showHidden only (and sorted: it may change under a collection).
    const items = ctx.showHidden ? ops.op_preview_entries(v, false) : undefined;
    // Node prints an empty preview as `{  }`.
    if (items?.length === 0 && keys.length === 0 && symbols.length === 0) return `${braces[0]}  }`;
    entries = items
      ? () => previewItems(ctx, depth, items, isKind(v, K_WEAK_MAP), true)
      : () => [stylize('<items unknown>', 'special', ctx)];
  } else if (isKind(v, K_MAP_ITERATOR) || isKind(v, K_SET_ITERATOR)) {
    // [Map Iterator] { 1, 2 } / [Map Entries] { [ 1, 'a' ] }: what the iterator has left, read
    // without advancing it (Node's formatIterator).
    const type = isKind(v, K_MAP_ITERATOR) ? 'Map' : 'Set';
    let t = tag;
    if (t !== `${type} Iterator`) t = `${t !== '' ? `${t}] [` : ''}${type} Iterator`;
    const [items, keyValue] = ops.op_preview_entries(v, true);
    braces = [keyValue ? `[${t.replace(/ Iterator$/, ' Entries')}] {` : `[${t}] {`, '}'];
    if (items.length === 0 && keys.length === 0 && symbols.length === 0) return `${braces[0]}  }`;
    entries = () => previewItems(ctx, depth, items, keyValue, false);
  } else if (inspectIsBoxed(v)) {
    // [Number: 3], [String (MyString): 'a'], [Symbol: Symbol(a)] [tag]
    const [t, prim] = boxedValue(v);
    base = `[${t}${t !== name ? (name === null ? ' (null prototype)' : ` (${name})`) : ''}: ${formatPrimitive(prim, { ...ctx, colors: false })}]`;
    if (tag !== '' && tag !== name) base += ` [${tag}]`;
    if (t === 'String') keys = keys.filter((k) => !/^(0|[1-9]\d*)$/.test(k) || Number(k) >= prim.length);
    if (keys.length === 0 && symbols.length === 0) return ctx.colors ? stylize(base, t.toLowerCase(), ctx) : base;
  } else if (isKind(v, K_MODULE_NAMESPACE)) {
    // [Module: null prototype] { ... } (Node's formatNamespaceObject).
    braces = [`${getPrefix(name, tag, 'Module')}{`, '}'];
  } else if (name === 'Object' && isKind(v, K_ARGUMENTS)) {
    // An object with its indices as keys: [Arguments] { '0': 'a' }, as Node has it.
    braces = ['[Arguments] {', '}'];
    if (keys.length === 0 && symbols.length === 0) return '[Arguments] {}';
  } else {
    braces = [`${name === 'Object' ? getPrefix(name, tag, 'Object') : ctxPrefix(v, name, tag)}{`, '}'];
    if (name === 'Object' && tag === '') braces[0] = '{';
    // An object with nothing to show is {} even past the depth limit, as in Node.
    if (keys.length === 0 && symbols.length === 0 && !(ctx.showHidden && prototypeProperties(v, ctx, depth).length)) {
      if (name !== 'Object' && isKind(v, K_EXTERNAL)) return stylize(`[External: ${ops.op_external_value(v).toString(16)}]`, 'special', ctx);
      return `${braces[0]}}`;
    }
  }
  if (depth > ctx.depth) {
    const n = ctxPrefix(v, name, tag).slice(0, -1);
    return stylize(name !== null ? `[${n}]` : n, 'special', ctx);
  }
  ctx.seen.push(v);
  // Like Node, only objects with entries count as a level of nesting for line breaking.
  if (keys.length > 0 || symbols.length > 0 || entries || (isArrayLike && v.length > 0)) ctx.currentDepth = depth;
  let output = [];
  const prevIndent = ctx.indentation;
  try {
    if (isArrayLike) {
      ctx.indentation = prevIndent + 2;
      output = typedSize === undefined ? formatArrayItems(v, ctx, depth) : formatArrayItems(typedBound ?? v, ctx, depth, typedSize, true);
    }
    if (entries) { ctx.indentation = prevIndent; output = output.concat(entries()); }
    // Indexed, not iterated: the program may have replaced %Array.prototype%[@@iterator].
    const named = keys.concat(symbols);
    for (let i = 0; i < named.length; i++) {
      ctx.indentation = prevIndent;
      output.push(formatProperty(v, named[i], ctx, depth, undefined, v, isArrayLike));
    }
    if (ctx.showHidden && depth <= ctx.depth) {
      ctx.indentation = prevIndent;
      output = output.concat(prototypeProperties(v, ctx, depth));
    }
  } catch (err) {
    // Nested too deep for the stack: this level says so instead (Node's handleMaxCallStackSize).
    if (err?.name !== 'RangeError' || err.message !== 'Maximum call stack size exceeded') throw err;
    return stylize(`[${ctxPrefix(v, name, tag).slice(0, -1)}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`, 'special', ctx);
  } finally {
    ctx.seen.pop();
    ctx.indentation = prevIndent;
  }
  if (ctx.sorted) {
    // Arrays keep their element order; only the named properties after them are sorted.
    const cmp = typeof ctx.sorted === 'function' ? ctx.sorted : undefined;
    const named = keys.length + symbols.length;
    if (!isArrayLike) output.sort(cmp);
    else if (named > 1) output = output.slice(0, output.length - named).concat(output.slice(output.length - named).sort(cmp));
  }
  let refPrefix = '';
  if (ctx.circular && ctx.circular.has(v)) refPrefix = stylize(`<ref *${ctx.circular.get(v)}>`, 'special', ctx) + ' ';
  if (base && output.length === 0) return refPrefix + base;
  if (output.length === 0) return `${refPrefix}${braces[0]}${braces[1]}`;
  return refPrefix + reduceToSingleString(ctx, output, base, braces, depth, isArrayLike, v);
}
// Node's formatProxy: Proxy [ target, handler ].
function formatProxy(proxy, ctx, depth) {
  if (depth > ctx.depth) return stylize('Proxy [Array]', 'special', ctx);
  ctx.indentation += 2;
  const res = [formatValue(proxy[0], ctx, depth + 1), formatValue(proxy[1], ctx, depth + 1)];
  ctx.indentation -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], depth, true, undefined);
}
// inspect(value, options) or the legacy inspect(value, showHidden, depth, colors). Options
// that are not inspect's own are passed on to custom inspect functions untouched.
function inspect(value, opts) {
  const ctx = { ...inspectDefaults, seen: [], indentation: 0, currentDepth: 0 };
  if (arguments.length > 1) {
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') ctx.showHidden = opts;
    else if (opts) {
      const keys = inspectKeysOf(opts);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (hasOwn(inspectDefaults, key) || key === 'stylize') ctx[key] = opts[key];
        else if (ctx.userOptions === undefined) ctx.userOptions = opts;
      }
    }
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(value, ctx, 0);
}
// The options a custom inspect function receives: inspect's own (depth null for unlimited), a
// stylize bound to the colors setting, and whatever else the caller passed.
function stylizeNoColor(str) { return str; }
function stylizeWithColor(str, kind) { return stylize(str, kind, { colors: true }); }
function userOptions(ctx) {
  const o = { stylize: typeof ctx.stylize === 'function' ? ctx.stylize : ctx.colors ? stylizeWithColor : stylizeNoColor };
  const keys = inspectKeysOf(inspectDefaults);
  for (let i = 0; i < keys.length; i++) o[keys[i]] = ctx[keys[i]];
  if (o.depth === Infinity) o.depth = null;
  if (o.maxArrayLength === Infinity) o.maxArrayLength = null;
  return { ...o, ...ctx.userOptions };
}
inspect.custom = customInspect;
inspect.colors = inspectColors;
inspect.styles = inspectStyles;
Object.defineProperty(inspect, 'defaultOptions', {
  get() { return inspectDefaults; },
  set(options) {
    if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
    Object.assign(inspectDefaults, options);
  },
});


// Node's formatWithOptions: each placeholder takes the next argument while one is left (a
// placeholder past the last argument stays as written), '%%' is '%' only when the string had
// placeholders to fill, and the arguments left over follow, joined by spaces.
function formatWithOptions(inspectOptions, ...args) {
  if (typeof inspectOptions !== 'object' || inspectOptions === null) {
    throw invalidArgType('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}
function formatWithOptionsInternal(opts, args) {
  const first = args[0];
  const sep = opts && opts.numericSeparator !== undefined ? opts.numericSeparator : inspectDefaults.numericSeparator;
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let lastPos = 0;
    let tempStr;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const next = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (next) {
          case 115: { // 's'
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatNumber(stylizePlain, arg, sep);
            else if (typeof arg === 'bigint') tempStr = `${sep ? separateThousands(String(arg)) : arg}n`;
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
            else tempStr = inspect(arg, { ...opts, depth: 0, colors: false, compact: 3 });
            break;
          }
          case 106: tempStr = tryStringify(args[++a]); break; // 'j'
          case 100: { // 'd'
            const n = args[++a];
            tempStr = typeof n === 'bigint' ? `${sep ? separateThousands(String(n)) : n}n` : typeof n === 'symbol' ? 'NaN' : formatNumber(stylizePlain, Number(n), sep);
            break;
          }
          case 79: tempStr = inspect(args[++a], opts); break; // 'O'
          case 111: tempStr = inspect(args[++a], { ...opts, showHidden: true, showProxy: true, depth: 4 }); break; // 'o'
          case 105: { // 'i'
            const n = args[++a];
            tempStr = typeof n === 'bigint' ? `${sep ? separateThousands(String(n)) : n}n` : typeof n === 'symbol' ? 'NaN' : formatNumber(stylizePlain, Number.parseInt(n), sep);
            break;
          }
          case 102: { // 'f'
            const n = args[++a];
            tempStr = typeof n === 'symbol' ? 'NaN' : formatNumber(stylizePlain, Number.parseFloat(n), sep);
            break;
          }
          case 99: a += 1; tempStr = ''; break; // 'c': CSS, ignored
          case 37: str += first.slice(lastPos, i); lastPos = i + 1; continue;
          default: continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (next === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const v = args[a];
    str += join;
    str += typeof v !== 'string' ? inspect(v, opts) : v;
    join = ' ';
    a++;
  }
  return str;
}
const stylizePlain = (s) => s;
function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
    throw err;
  }
}
// Whether %s should inspect an object rather than call its toString: true when the toString
// it would use comes from a built-in class (Object, Error, Date...), not from user code.
function hasBuiltInToString(value) {
  // A proxy counts as built-in; its target is what is checked, and none of its traps run.
  const target = ops.op_proxy_details(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  if (typeof value.toString !== 'function') return true;
  if (hasOwn(value, 'toString')) return false;
  let pointer = value;
  do { pointer = inspectPrototypeOf(pointer); } while (pointer !== null && !hasOwn(pointer, 'toString'));
  if (pointer === null) return true;
  const d = inspectOwnDescriptorOf(pointer, 'constructor');
  return d !== undefined && typeof d.value === 'function' && builtInObjects.has(d.value.name);
}
const builtInObjects = new Set(inspectOwnNamesOf(globalThis).filter((e) => /^[A-Z][a-zA-Z0-9]+$/.test(e)));
function format(...args) { return formatWithOptionsInternal(undefined, args); }

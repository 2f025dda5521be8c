// assert: Node's `assert` and `assert/strict`. Messages, diffs and the deep-equality rules are
// ports of Node 20's lib/assert.js, lib/internal/assert/* and lib/internal/util/comparisons.js,
// so a failing assertion reads the same under fe as under node.
// Uses from earlier files: 00-core.js (builtins, hasOwn, check); 01-inspect.js (customInspect, typedArrayTag, inspectIsBoxed, boxedValue, inspect); 02-errors.js (nodeError, receivedType, invalidArgType, invalidArgValue, missingArgs); 05-process.js (process); 08-fs.js (validateUint32, fs); 09-url.js (fileURLToPath, URL); 10-builtins.js (util, registerBuiltin); 11-buffer.js (isArrayBufferOrShared, compareBytes).

// Deep equality, (a, b, strict) -> boolean; util.isDeepStrictEqual (builtins.js) uses it too.
let deepEqual;
// Block-scoped: the runtime's files share one scope; only deepEqual and the modules are public.
{
  // ---------------------------------------------------------------------------------------------
  // Deep equality. `strict` compares prototypes and uses Object.is; loose mode uses == for
  // primitives. Cycles are handled with memos as Node does.
  deepEqual = (a, b, strict) => innerDeepEqual(a, b, strict, undefined);
  // An array index in canonical form (no RegExp: user code may have changed its prototype).
  const isIndexKey = (k) => { const n = +k; return (n >>> 0) === n && n !== 2 ** 32 - 1 && `${n}` === k; };
  const enumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
  // %TypedArray%.prototype[@@toStringTag]: the kind of a typed array (undefined for a DataView),
  // whatever its own properties say.
  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  function ownNonIndexKeys(v, strict) {
    const keys = Object.keys(v).filter((k) => !isIndexKey(k));
    return strict ? keys.concat(Object.getOwnPropertySymbols(v).filter((s) => enumerable(v, s))) : keys;
  }
  // Types by V8's own checks, as Node's comparisons.js: a prototype swapped by the caller does
  // not make a Boolean object a String one.
  const isBoxed = inspectIsBoxed;
  function isEqualBoxedPrimitive(val1, val2) {
    if (!inspectIsBoxed(val2)) return false;
    const [kind1, value1] = boxedValue(val1), [kind2, value2] = boxedValue(val2);
    return kind1 === kind2 && Object.is(value1, value2);
  }
  const isErrorLike = (v) => v instanceof Error || Object.prototype.toString.call(v) === '[object Error]';
  const kNoIterator = 0, kIsArray = 1, kIsSet = 2, kIsMap = 3;
  function innerDeepEqual(val1, val2, strict, memos) {
    if (val1 === val2) return val1 !== 0 || Object.is(val1, val2) || !strict;
    if (strict) {
      if (typeof val1 === 'number') return Number.isNaN(val1) && Number.isNaN(val2);
      if (typeof val2 !== 'object' || typeof val1 !== 'object' || val1 === null || val2 === null ||
        Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) return false;
    } else {
      if (val1 === null || typeof val1 !== 'object') {
        if (val2 === null || typeof val2 !== 'object') return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2)); // eslint-disable-line eqeqeq
        return false;
      }
      if (val2 === null || typeof val2 !== 'object') return false;
    }
    const tag = Object.prototype.toString.call(val1);
    if (tag !== Object.prototype.toString.call(val2)) return false;
    if (Array.isArray(val1)) {
      if (!Array.isArray(val2) || val1.length !== val2.length) return false;
      const keys1 = ownNonIndexKeys(val1, strict);
      if (keys1.length !== ownNonIndexKeys(val2, strict).length) return false;
      return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
    } else if (tag === '[object Object]') {
      return keyCheck(val1, val2, strict, memos, kNoIterator);
    } else if (util.types.isDate(val1)) {
      // Brand checks and the intrinsic getTime, as Node's: an object made to look like a Date is
      // not one, and an own getTime property does not take part.
      const getTime = Date.prototype.getTime;
      if (!util.types.isDate(val2) || getTime.call(val1) !== getTime.call(val2)) return false;
    } else if (util.types.isRegExp(val1)) {
      if (!util.types.isRegExp(val2) || val1.source !== val2.source || val1.flags !== val2.flags || val1.lastIndex !== val2.lastIndex) return false;
    } else if (ArrayBuffer.isView(val1)) {
      if (!ArrayBuffer.isView(val2) || typedArrayTag.call(val1) !== typedArrayTag.call(val2) || val1.byteLength !== val2.byteLength) return false;
      if (!strict && (val1 instanceof Float32Array || val1 instanceof Float64Array)) {
        for (let i = 0; i < val1.length; i++) if (val1[i] !== val2[i]) return false;
      } else if (compareBytes(new Uint8Array(val1.buffer, val1.byteOffset, val1.byteLength),
        new Uint8Array(val2.buffer, val2.byteOffset, val2.byteLength)) !== 0) return false;
      const keys1 = ownNonIndexKeys(val1, strict);
      if (keys1.length !== ownNonIndexKeys(val2, strict).length) return false;
      return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
    } else if (val1 instanceof Set) {
      if (!(val2 instanceof Set) || val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsSet);
    } else if (val1 instanceof Map) {
      if (!(val2 instanceof Map) || val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsMap);
    } else if (isArrayBufferOrShared(val1)) {
      if (!isArrayBufferOrShared(val2) || val1.byteLength !== val2.byteLength || compareBytes(new Uint8Array(val1), new Uint8Array(val2)) !== 0) return false;
    } else if (isErrorLike(val1)) {
      if (!isErrorLike(val2)) return false;
      for (const key of ['message', 'name', 'cause', 'errors']) {
        const e1 = enumerable(val1, key);
        if (e1 !== enumerable(val2, key)) return false;
        if (!e1 && (key === 'message' || key === 'name' ? val1[key] !== val2[key] : !innerDeepEqual(val1[key], val2[key], strict, memos))) return false;
      }
    } else if (isBoxed(val1)) {
      if (!isEqualBoxedPrimitive(val1, val2)) return false;
    } else if (Array.isArray(val2) || ArrayBuffer.isView(val2) || val2 instanceof Set || val2 instanceof Map ||
      val2 instanceof Date || val2 instanceof RegExp || isArrayBufferOrShared(val2) || isBoxed(val2) || isErrorLike(val2)) {
      return false;
    } else if (val1 instanceof URL) {
      if (!(val2 instanceof URL) || val1.href !== val2.href) return false;
    }
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  }
  function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
    const isArrayLikeObject = aKeys !== undefined;
    if (aKeys === undefined) aKeys = Object.keys(val1);
    for (const key of aKeys) if (!enumerable(val2, key)) return false;
    if (!isArrayLikeObject) {
      if (aKeys.length !== Object.keys(val2).length) return false;
      if (strict) {
        const symbolKeysA = Object.getOwnPropertySymbols(val1);
        let count = 0;
        for (const key of symbolKeysA) {
          if (enumerable(val1, key)) {
            if (!enumerable(val2, key)) return false;
            aKeys.push(key);
            count++;
          } else if (enumerable(val2, key)) return false;
        }
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysA.length !== symbolKeysB.length && symbolKeysB.filter((k) => enumerable(val2, k)).length !== count) return false;
      }
    }
    if (aKeys.length === 0 && (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) || val1.size === 0)) return true;
    if (memos === undefined) {
      memos = { set: undefined, a: val1, b: val2, c: undefined, d: undefined, deep: false, deleteFailures: false };
      return objEquiv(val1, val2, strict, aKeys, memos, iterationType);
    }
    if (memos.set === undefined) {
      if (memos.deep === false) {
        if (memos.a === val1 && memos.b === val2) return true;
        memos.c = val1;
        memos.d = val2;
        memos.deep = true;
        const result = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
        memos.deep = false;
        return result;
      }
      memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
    }
    const { set } = memos;
    const originalSize = set.size;
    set.add(val1);
    set.add(val2);
    if (originalSize === set.size) return true;
    const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
    if (areEq || memos.deleteFailures) { set.delete(val1); set.delete(val2); }
    return areEq;
  }
  function setHasEqualElement(set, val2, strict, memo) {
    const { deleteFailures } = memo;
    memo.deleteFailures = true;
    for (const val1 of set) {
      if (innerDeepEqual(val1, val2, strict, memo)) {
        set.delete(val1);
        memo.deleteFailures = deleteFailures;
        return true;
      }
    }
    memo.deleteFailures = deleteFailures;
    return false;
  }
  // Loose mode: a primitive may equal (==) a differently typed one, e.g. 1 and '1'.
  function findLooseMatchingPrimitives(prim) {
    switch (typeof prim) {
      case 'undefined': return null;
      case 'object': return undefined;
      case 'symbol': return false;
      case 'string': prim = +prim; // falls through
      case 'number': if (Number.isNaN(prim)) return false;
    }
    return true;
  }
  function setMightHaveLoosePrim(a, b, prim) {
    const altValue = findLooseMatchingPrimitives(prim);
    if (altValue != null) return altValue;
    return b.has(altValue) && !a.has(altValue);
  }
  function mapMightHaveLoosePrim(a, b, prim, item, memo) {
    const altValue = findLooseMatchingPrimitives(prim);
    if (altValue != null) return altValue;
    const curB = b.get(altValue);
    if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) return false;
    return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
  }
  function setEquiv(a, b, strict, memo) {
    let set = null;
    for (const val of a) {
      if (!b.has(val)) {
        if ((typeof val !== 'object' || val === null) && (strict || !setMightHaveLoosePrim(a, b, val))) return false;
        if (set === null) {
          if (b.size === 1) return innerDeepEqual(val, b.values().next().value, strict, memo);
          set = new Set();
        }
        set.add(val);
      }
    }
    if (set !== null) {
      for (const val of b) {
        if (typeof val === 'object' && val !== null) {
          if (!a.has(val) && !setHasEqualElement(set, val, strict, memo)) return false;
        } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) return false;
      }
      return set.size === 0;
    }
    return true;
  }
  function mapHasEqualEntry(set, map, key2, item2, strict, memo) {
    const { deleteFailures } = memo;
    memo.deleteFailures = true;
    for (const key1 of set) {
      if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(map.get(key1), item2, strict, memo)) {
        set.delete(key1);
        memo.deleteFailures = deleteFailures;
        return true;
      }
    }
    memo.deleteFailures = deleteFailures;
    return false;
  }
  function mapEquiv(a, b, strict, memo) {
    let set = null;
    for (const [key, item1] of a) {
      if (typeof key === 'object' && key !== null) {
        if (set === null) {
          if (b.size === 1) {
            const [key2, item2] = b.entries().next().value;
            return innerDeepEqual(key, key2, strict, memo) && innerDeepEqual(item1, item2, strict, memo);
          }
          set = new Set();
        }
        set.add(key);
      } else {
        const item2 = b.get(key);
        if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
          if (strict) return false;
          if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
          if (set === null) set = new Set();
          set.add(key);
        }
      }
    }
    if (set !== null) {
      for (const [key, item] of b) {
        if (typeof key === 'object' && key !== null) {
          if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
        } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memo)) &&
          !mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
      }
      return set.size === 0;
    }
    return true;
  }
  function objEquiv(a, b, strict, keys, memos, iterationType) {
    for (const key of keys) if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
    if (iterationType === kIsArray) {
      for (let i = 0; i < a.length; i++) {
        if (hasOwn(a, i)) {
          if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
        } else if (hasOwn(b, i)) {
          return false;
        } else {
          // A sparse array: compare the remaining own keys.
          const keysA = Object.keys(a);
          for (; i < keysA.length; i++) {
            const key = keysA[i];
            if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
          }
          return keysA.length === Object.keys(b).length;
        }
      }
    } else if (iterationType === kIsSet) {
      if (!setEquiv(a, b, strict, memos)) return false;
    } else if (iterationType === kIsMap) {
      if (!mapEquiv(a, b, strict, memos)) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // AssertionError and its message: a line diff of both values inspected with every property
  // on its own line (Node's createErrDiff).
  const kReadableOperator = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  };
  const kMaxShortLength = 12;
  // Colours only when stderr is a terminal that has them, as Node decides.
  function diffColors() {
    const on = process.stderr.isTTY && typeof process.stderr.hasColors === 'function' && process.stderr.hasColors();
    return on ? { blue: '\x1b[34m', green: '\x1b[32m', white: '\x1b[39m', red: '\x1b[31m' } : { blue: '', green: '', white: '', red: '' };
  }
  function inspectValue(val) {
    return inspect(val, { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false, showProxy: false, sorted: true, getters: true });
  }
  function createErrDiff(actual, expected, operator, message = '') {
    const colors = diffColors();
    let other = '', res = '', end = '', skipped = false;
    const actualInspected = inspectValue(actual);
    const actualLines = actualInspected.split('\n');
    const expectedLines = inspectValue(expected).split('\n');
    let i = 0;
    let indicator = '';
    if (operator === 'strictEqual' && ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
      (typeof actual === 'function' && typeof expected === 'function'))) operator = 'strictEqualObject';
    if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
      const actualRaw = actualLines[0], expectedRaw = expectedLines[0];
      const inputLength = actualRaw.length + expectedRaw.length;
      if (inputLength <= kMaxShortLength) {
        if ((typeof actual !== 'object' || actual === null) && (typeof expected !== 'object' || expected === null) && (actual !== 0 || expected !== 0)) {
          return `${message || kReadableOperator[operator]}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
        }
      } else if (operator !== 'strictEqualObject') {
        const maxLength = process.stderr.isTTY ? process.stderr.columns : 80;
        if (inputLength < maxLength) {
          while (actualRaw[i] === expectedRaw[i]) i++;
          if (i > 2) {
            indicator = `\n  ${' '.repeat(i)}^`;
            i = 0;
          }
        }
      }
    }
    // Identical trailing lines are not part of the diff (a few stay, for context).
    let a = actualLines[actualLines.length - 1];
    let b = expectedLines[expectedLines.length - 1];
    while (a === b) {
      if (i++ < 3) end = `\n  ${a}${end}`;
      else other = a;
      actualLines.pop();
      expectedLines.pop();
      if (actualLines.length === 0 || expectedLines.length === 0) break;
      a = actualLines[actualLines.length - 1];
      b = expectedLines[expectedLines.length - 1];
    }
    const maxLines = Math.max(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
      const lines = actualInspected.split('\n');
      if (lines.length > 50) {
        lines[46] = `${colors.blue}...${colors.white}`;
        while (lines.length > 47) lines.pop();
      }
      return `${kReadableOperator.notIdentical}\n\n${lines.join('\n')}\n`;
    }
    if (i >= 5) {
      end = `\n${colors.blue}...${colors.white}${end}`;
      skipped = true;
    }
    if (other !== '') {
      end = `\n  ${other}${end}`;
      other = '';
    }
    let printedLines = 0;
    let identical = 0;
    const msg = `${message || kReadableOperator[operator]}\n${colors.green}+ actual${colors.white} ${colors.red}- expected${colors.white}`;
    const skippedMsg = ` ${colors.blue}...${colors.white} Lines skipped`;
    let lines = actualLines;
    let plusMinus = `${colors.green}+${colors.white}`;
    let maxLength = expectedLines.length;
    if (actualLines.length < maxLines) {
      lines = expectedLines;
      plusMinus = `${colors.red}-${colors.white}`;
      maxLength = actualLines.length;
    }
    // Up to two identical lines before a difference are shown; more collapse into "...".
    const flushIdentical = (source) => {
      if (identical > 2) {
        if (identical > 3) {
          if (identical > 4) {
            if (identical === 5) { res += `\n  ${source[i - 3]}`; printedLines++; } else { res += `\n${colors.blue}...${colors.white}`; skipped = true; }
          }
          res += `\n  ${source[i - 2]}`;
          printedLines++;
        }
        res += `\n  ${source[i - 1]}`;
        printedLines++;
      }
      identical = 0;
    };
    for (i = 0; i < maxLines; i++) {
      if (maxLength < i + 1) {
        flushIdentical(lines);
        if (lines === actualLines) res += `\n${plusMinus} ${lines[i]}`;
        else other += `\n${plusMinus} ${lines[i]}`;
        printedLines++;
      } else {
        const expectedLine = expectedLines[i];
        let actualLine = actualLines[i];
        // Lines that differ only by a trailing comma count as identical.
        let divergingLines = actualLine !== expectedLine && (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
        if (divergingLines && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
          divergingLines = false;
          actualLine += ',';
        }
        if (divergingLines) {
          flushIdentical(actualLines);
          res += `\n${colors.green}+${colors.white} ${actualLine}`;
          other += `\n${colors.red}-${colors.white} ${expectedLine}`;
          printedLines += 2;
        } else {
          res += other;
          other = '';
          identical++;
          if (identical <= 2) {
            res += `\n  ${actualLine}`;
            printedLines++;
          }
        }
      }
      if (printedLines > 50 && i < maxLines - 2) {
        return `${msg}${skippedMsg}\n${res}\n${colors.blue}...${colors.white}${other}\n${colors.blue}...${colors.white}`;
      }
    }
    return `${msg}${skipped ? skippedMsg : ''}\n${res}${other}${end}${indicator}`;
  }
  function addEllipsis(string) {
    const lines = string.split('\n', 11);
    if (lines.length > 10) {
      lines.length = 10;
      return `${lines.join('\n')}\n...`;
    } else if (string.length > 512) {
      return `${string.slice(512)}...`;
    }
    return string;
  }
  function copyError(source) {
    const target = Object.assign({ __proto__: Object.getPrototypeOf(source) }, source);
    Object.defineProperty(target, 'message', { __proto__: null, value: source.message });
    return target;
  }
  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== 'object' || Array.isArray(options)) throw invalidArgType('options', 'Object', options);
      const { message, operator, stackStartFn, details, stackStartFunction } = options;
      let { actual, expected } = options;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      if (message != null) {
        if (operator === 'deepStrictEqual' || operator === 'strictEqual') super(createErrDiff(actual, expected, operator, message));
        else super(String(message));
      } else {
        // Errors on both sides are compared without their stacks.
        if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null &&
          'stack' in actual && actual instanceof Error && 'stack' in expected && expected instanceof Error) {
          actual = copyError(actual);
          expected = copyError(expected);
        }
        if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
          super(createErrDiff(actual, expected, operator));
        } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
          let base = kReadableOperator[operator];
          const res = inspectValue(actual).split('\n');
          if (operator === 'notStrictEqual' && ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
            base = kReadableOperator.notStrictEqualObject;
          }
          if (res.length > 50) {
            const colors = diffColors();
            res[46] = `${colors.blue}...${colors.white}`;
            while (res.length > 47) res.pop();
          }
          if (res.length === 1) super(`${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`);
          else super(`${base}\n\n${res.join('\n')}\n`);
        } else {
          let res = inspectValue(actual);
          let other = inspectValue(expected);
          const knownOperator = kReadableOperator[operator];
          if (operator === 'notDeepEqual' && res === other) {
            res = `${knownOperator}\n\n${res}`;
            if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
            super(res);
          } else {
            if (res.length > 512) res = `${res.slice(0, 509)}...`;
            if (other.length > 512) other = `${other.slice(0, 509)}...`;
            if (operator === 'deepEqual') res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
            else {
              const newOp = kReadableOperator[`${operator}Unequal`];
              if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
              else other = ` ${operator} ${other}`;
            }
            super(`${res}${other}`);
          }
        }
      }
      Error.stackTraceLimit = limit;
      this.generatedMessage = !message;
      Object.defineProperty(this, 'name', { __proto__: null, value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
      this.code = 'ERR_ASSERTION';
      if (details) {
        this.actual = undefined;
        this.expected = undefined;
        this.operator = undefined;
        for (let i = 0; i < details.length; i++) {
          this[`message ${i}`] = details[i].message;
          this[`actual ${i}`] = details[i].actual;
          this[`expected ${i}`] = details[i].expected;
          this[`operator ${i}`] = details[i].operator;
          this[`stack trace ${i}`] = details[i].stack;
        }
      } else {
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
      }
      Error.captureStackTrace(this, stackStartFn || stackStartFunction);
      this.stack; // eslint-disable-line no-unused-expressions -- formats the stack with the code in the name
      this.name = 'AssertionError';
    }
    toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    [customInspect](recurseTimes, ctx) {
      // Long strings in actual/expected are shortened, and both shown one level deep only.
      const tmpActual = this.actual;
      const tmpExpected = this.expected;
      if (typeof this.actual === 'string') this.actual = addEllipsis(this.actual);
      if (typeof this.expected === 'string') this.expected = addEllipsis(this.expected);
      const result = inspect(this, { colors: ctx.colors, customInspect: false, depth: 0 });
      this.actual = tmpActual;
      this.expected = tmpExpected;
      return result;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // assert.ok's message quotes the failing call from the caller's source, as Node does.
  const okMessageCache = new Map();
  function callSite(fn) {
    const savedPrepare = Error.prepareStackTrace;
    const savedLimit = Error.stackTraceLimit;
    try {
      Error.prepareStackTrace = (_, frames) => frames;
      Error.stackTraceLimit = 1;
      const holder = {};
      Error.captureStackTrace(holder, fn);
      return holder.stack[0];
    } finally {
      Error.prepareStackTrace = savedPrepare;
      Error.stackTraceLimit = savedLimit;
    }
  }
  // The call expression that starts on `line` and spans `column`: from its first token to the
  // parenthesis that closes it, skipping strings, templates and comments.
  function findCallExpression(code, column) {
    // Back from the call site over a member chain (`assert.strict.ok`, any identifier characters)
    // to its first name.
    let start = column;
    for (;;) {
      while (start > 0 && /[\p{ID_Continue}$\u200c\u200d]/u.test(code[start - 1])) start--;
      let k = start;
      while (k > 0 && /\s/.test(code[k - 1])) k--;
      if (k === 0 || code[k - 1] !== '.') break;
      k--;
      if (k > 0 && code[k - 1] === '?') k--;
      while (k > 0 && /\s/.test(code[k - 1])) k--;
      start = k;
    }
    let i = code.indexOf('(', column);
    if (i < 0) return undefined;
    let depth = 0;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '"' || c === "'" || c === '`') {
        for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
      } else if (c === '/' && code[i + 1] === '/') {
        i = code.indexOf('\n', i);
        if (i < 0) return undefined;
      } else if (c === '/' && code[i + 1] === '*') {
        i = code.indexOf('*/', i + 2) + 1;
        if (i <= 0) return undefined;
      } else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (--depth === 0) return [start, code.slice(start, i + 1)];
      }
    }
    return undefined;
  }
  function okMessage(fn) {
    const site = callSite(fn);
    let filename = site && site.getFileName();
    if (!filename) return undefined;
    const line = site.getLineNumber() - 1;
    let column = site.getColumnNumber() - 1;
    const key = `${filename}${line}${column}`;
    if (okMessageCache.has(key)) return okMessageCache.get(key);
    let message;
    try {
      if (filename.startsWith('file:')) filename = fileURLToPath(filename);
      const code = fs.readFileSync(filename, 'utf8').split('\n').slice(line).join('\n');
      const found = findCallExpression(code, column);
      if (found) {
        [column, message] = found;
        message = message.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => (c === '\b' ? '\\b' : c === '\f' ? '\\f' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
        // Continuation lines are re-indented relative to the call.
        if (message.includes('\n')) {
          const frames = message.split('\n');
          message = frames.shift();
          for (const frame of frames) {
            let pos = 0;
            while (pos < column && (frame[pos] === ' ' || frame[pos] === '\t')) pos++;
            message += `\n  ${frame.slice(pos)}`;
          }
        }
        message = `The expression evaluated to a falsy value:\n\n  ${message}\n`;
      }
    } catch {
      message = undefined;
    }
    okMessageCache.set(key, message);
    return message;
  }
  function innerOk(fn, argLen, value, message) {
    if (value) return;
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = okMessage(fn);
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }

  // ---------------------------------------------------------------------------------------------
  // The assertions.
  const NO_EXCEPTION = {};
  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    throw new AssertionError(obj);
  }
  function needsTwo(args) { if (args.length < 2) throw missingArgs('actual', 'expected'); }
  function ok(...args) { innerOk(ok, args.length, ...args); }
  const assert = ok; // the module is the function
  let failWarned = false;
  assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
    const argsLen = arguments.length;
    let internalMessage = false;
    if (actual == null && argsLen <= 1) {
      internalMessage = true;
      message = 'Failed';
    } else if (argsLen === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!failWarned) {
        failWarned = true;
        process.emitWarning('assert.fail() with more than one argument is deprecated. Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
      }
      if (argsLen === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const err = new AssertionError({ actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message });
    if (internalMessage) err.generatedMessage = true;
    throw err;
  };
  assert.AssertionError = AssertionError;
  assert.ok = ok;
  assert.equal = function equal(actual, expected, message) {
    needsTwo(arguments);
    // eslint-disable-next-line eqeqeq
    if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  };
  assert.notEqual = function notEqual(actual, expected, message) {
    needsTwo(arguments);
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  };
  assert.deepEqual = function deepEqual(actual, expected, message) {
    needsTwo(arguments);
    if (!innerDeepEqual(actual, expected, false)) innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  };
  assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
    needsTwo(arguments);
    if (innerDeepEqual(actual, expected, false)) innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  };
  assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
    needsTwo(arguments);
    if (!innerDeepEqual(actual, expected, true)) innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  };
  assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
    needsTwo(arguments);
    if (innerDeepEqual(actual, expected, true)) innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  };
  assert.strictEqual = function strictEqual(actual, expected, message) {
    needsTwo(arguments);
    if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  };
  assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
    needsTwo(arguments);
    if (Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  };

  // throws/rejects: `expected` may be an Error class, a RegExp, a validation function or an
  // object whose properties the error must have.
  class Comparison {
    constructor(obj, keys, actual) {
      for (const key of keys) {
        if (key in obj) {
          if (actual !== undefined && typeof actual[key] === 'string' && util.types.isRegExp(obj[key]) && obj[key].exec(actual[key]) !== null) {
            this[key] = actual[key];
          } else {
            this[key] = obj[key];
          }
        }
      }
    }
  }
  function compareExceptionKey(actual, expected, key, message, keys, fn) {
    if (!(key in actual) || !innerDeepEqual(actual[key], expected[key], true)) {
      if (!message) {
        const a = new Comparison(actual, keys);
        const b = new Comparison(expected, keys, actual);
        const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
        err.actual = actual;
        err.expected = expected;
        err.operator = fn.name;
        throw err;
      }
      innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    }
  }
  function expectedException(actual, expected, message, fn) {
    let generatedMessage = false;
    let throwError = false;
    if (typeof expected !== 'function') {
      if (util.types.isRegExp(expected)) {
        const str = String(actual);
        if (expected.exec(str) !== null) return;
        if (!message) {
          generatedMessage = true;
          message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
        }
        throwError = true;
      } else if (typeof actual !== 'object' || actual === null) {
        const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
        err.operator = fn.name;
        throw err;
      } else {
        const keys = Object.keys(expected);
        if (expected instanceof Error) keys.push('name', 'message');
        else if (keys.length === 0) throw invalidArgValue('error', expected, 'may not be an empty object');
        for (const key of keys) {
          if (typeof actual[key] === 'string' && util.types.isRegExp(expected[key]) && expected[key].exec(actual[key]) !== null) continue;
          compareExceptionKey(actual, expected, key, message, keys, fn);
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
      if (!message) {
        generatedMessage = true;
        message = `The error is expected to be an instance of "${expected.name}". Received `;
        if (isErrorLike(actual)) {
          const name = (actual.constructor && actual.constructor.name) || actual.name;
          if (expected.name === name) message += 'an error with identical name but a different prototype.';
          else message += `"${name}"`;
          if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
        } else {
          message += `"${inspect(actual, { depth: -1 })}"`;
        }
      }
      throwError = true;
    } else {
      const res = Reflect.apply(expected, {}, [actual]);
      if (res !== true) {
        if (!message) {
          generatedMessage = true;
          const name = expected.name ? `"${expected.name}" ` : '';
          message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
          if (isErrorLike(actual)) message += `\n\nCaught error:\n\n${actual}`;
        }
        throwError = true;
      }
    }
    if (throwError) {
      const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
      err.generatedMessage = generatedMessage;
      throw err;
    }
  }
  function getActual(fn) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'Function', fn);
    try {
      fn();
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION;
  }
  const isPromiseLike = (obj) => obj instanceof Promise ||
    (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
  async function waitForActual(promiseFn) {
    let resultPromise;
    if (typeof promiseFn === 'function') {
      resultPromise = promiseFn();
      if (!isPromiseLike(resultPromise)) {
        throw nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE', `Expected instance of Promise to be returned from the "promiseFn" function but got ${receivedType(resultPromise)}.`);
      }
    } else if (isPromiseLike(promiseFn)) {
      resultPromise = promiseFn;
    } else {
      throw invalidArgType('promiseFn', ['Function', 'Promise'], promiseFn);
    }
    try {
      await resultPromise;
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION;
  }
  function expectsError(stackStartFn, actual, error, message) {
    if (typeof error === 'string') {
      if (arguments.length === 4) throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
      if (typeof actual === 'object' && actual !== null) {
        if (actual.message === error) {
          throw nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. The error message "${actual.message}" is identical to the message.`);
        }
      } else if (actual === error) {
        throw nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. The error "${actual}" is identical to the message.`);
      }
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw invalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (actual === NO_EXCEPTION) {
      let details = '';
      if (error && error.name) details += ` (${error.name})`;
      details += message ? `: ${message}` : '.';
      const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
      innerFail({ actual: undefined, expected: error, operator: stackStartFn.name, message: `Missing expected ${fnType}${details}`, stackStartFn });
    }
    if (!error) return;
    expectedException(actual, error, message, stackStartFn);
  }
  function hasMatchingError(actual, expected) {
    if (typeof expected !== 'function') {
      if (util.types.isRegExp(expected)) return expected.exec(String(actual)) !== null;
      throw invalidArgType('expected', ['Function', 'RegExp'], expected);
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return Reflect.apply(expected, {}, [actual]) === true;
  }
  function expectsNoError(stackStartFn, actual, error, message) {
    if (actual === NO_EXCEPTION) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || hasMatchingError(actual, error)) {
      const details = message ? `: ${message}` : '.';
      const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
      innerFail({ actual, expected: error, operator: stackStartFn.name, message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`, stackStartFn });
    }
    throw actual;
  }
  assert.throws = function throws(promiseFn, ...args) { expectsError(throws, getActual(promiseFn), ...args); };
  assert.rejects = async function rejects(promiseFn, ...args) { expectsError(rejects, await waitForActual(promiseFn), ...args); };
  assert.doesNotThrow = function doesNotThrow(fn, ...args) { expectsNoError(doesNotThrow, getActual(fn), ...args); };
  assert.doesNotReject = async function doesNotReject(fn, ...args) { expectsNoError(doesNotReject, await waitForActual(fn), ...args); };
  assert.ifError = function ifError(err) {
    if (err === null || err === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
    // The new error's stack continues with the original error's frames.
    const origStack = err.stack;
    if (typeof origStack === 'string') {
      const origStackStart = origStack.indexOf('\n    at');
      if (origStackStart !== -1) {
        const originalFrames = origStack.slice(origStackStart + 1).split('\n');
        let newFrames = newErr.stack.split('\n');
        for (const errFrame of originalFrames) {
          const pos = newFrames.indexOf(errFrame);
          if (pos !== -1) {
            newFrames = newFrames.slice(0, pos);
            break;
          }
        }
        newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
      }
    }
    throw newErr;
  };
  function internalMatch(string, regexp, message, fn) {
    if (!(util.types.isRegExp(regexp))) throw invalidArgType('regexp', 'RegExp', regexp);
    const match = fn === assert.match;
    if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
      if (message instanceof Error) throw message;
      const generatedMessage = !message;
      message = message || (typeof string !== 'string'
        ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
        : `${match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression '}${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
      const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
      err.generatedMessage = generatedMessage;
      throw err;
    }
  }
  assert.match = function match(string, regexp, message) { internalMatch(string, regexp, message, match); };
  assert.doesNotMatch = function doesNotMatch(string, regexp, message) { internalMatch(string, regexp, message, doesNotMatch); };

  // assert.CallTracker (Node 18's internal/assert/calltracker.js): functions that count their
  // calls, checked by verify().
  class CallTrackerContext {
    #expected;
    #calls = [];
    #name;
    #stackTrace;
    constructor({ expected, stackTrace, name }) {
      this.#expected = expected;
      this.#stackTrace = stackTrace;
      this.#name = name;
    }
    track(thisArg, args) { this.#calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args.slice()) })); }
    get delta() { return this.#calls.length - this.#expected; }
    reset() { this.#calls = []; }
    getCalls() { return Object.freeze(this.#calls.slice()); }
    report() {
      if (this.delta === 0) return undefined;
      return {
        message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) but was executed ${this.#calls.length} time(s).`,
        actual: this.#calls.length,
        expected: this.#expected,
        operator: this.#name,
        stack: this.#stackTrace,
      };
    }
  }
  class CallTracker {
    #callChecks = new Set();
    #trackedFunctions = new WeakMap();
    #getTrackedFunction(tracked) {
      if (!this.#trackedFunctions.has(tracked)) throw invalidArgValue('tracked', tracked, 'is not a tracked function');
      return this.#trackedFunctions.get(tracked);
    }
    reset(tracked) {
      if (tracked === undefined) {
        this.#callChecks.forEach((check) => check.reset());
        return;
      }
      this.#getTrackedFunction(tracked).reset();
    }
    getCalls(tracked) { return this.#getTrackedFunction(tracked).getCalls(); }
    calls(fn, expected = 1) {
      if (process._exiting) throw nodeError(Error, 'ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler');
      if (typeof fn === 'number') {
        expected = fn;
        fn = Function.prototype;
      } else if (fn === undefined) {
        fn = Function.prototype;
      }
      validateUint32(expected, 'expected', true);
      const context = new CallTrackerContext({ expected, stackTrace: new Error(), name: fn.name || 'calls' });
      const tracked = new Proxy(fn, {
        __proto__: null,
        apply(target, thisArg, argList) {
          context.track(thisArg, argList);
          return Reflect.apply(target, thisArg, argList);
        },
      });
      this.#callChecks.add(context);
      this.#trackedFunctions.set(tracked, context);
      return tracked;
    }
    report() {
      const errors = [];
      for (const context of this.#callChecks) {
        const message = context.report();
        if (message !== undefined) errors.push(message);
      }
      return errors;
    }
    verify() {
      const errors = this.report();
      if (errors.length === 0) return;
      const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
      throw new AssertionError({ message, details: errors });
    }
  }
  assert.CallTracker = CallTracker;

  // assert.strict: the same functions, with the loose ones replaced by their strict forms.
  function strict(...args) { innerOk(strict, args.length, ...args); }
  assert.strict = Object.assign(strict, assert, {
    equal: assert.strictEqual,
    deepEqual: assert.deepStrictEqual,
    notEqual: assert.notStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
  });
  assert.strict.strict = assert.strict;

  registerBuiltin('assert', assert);
  registerBuiltin('assert/strict', assert.strict);
}

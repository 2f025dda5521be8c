// Node-style errors, shared by every later file: the code is a property and appears in the
// stack's first line and in toString(), as Node prints it. `inspect` (01-inspect.js) describes
// received values.
// Uses from earlier files: 01-inspect.js (inspect).
function nodeError(Base, code, message) {
  const e = new Base(message);
  Object.defineProperty(e, 'name', { value: `${e.name} [${code}]`, configurable: true, writable: true });
  e.stack; // eslint-disable-line no-unused-expressions -- V8 formats the stack now, with the code
  delete e.name;
  Object.defineProperty(e, 'toString', {
    value() { return `${this.name} [${code}]: ${this.message}`; }, configurable: true, writable: true,
  });
  e.code = code;
  return e;
}
// Node's determineSpecificType: how "Received ..." describes a value.
function receivedType(value) {
  if (value == null) return String(value);
  switch (typeof value) {
    case 'bigint': return `type bigint (${value}n)`;
    case 'number': return `type number (${Object.is(value, -0) ? '-0' : value})`;
    case 'boolean': return `type boolean (${value})`;
    case 'symbol': return `type symbol (${String(value)})`;
    case 'function': if (value.name) return `function ${value.name}`; break;
    case 'object':
      if (value.constructor && 'name' in value.constructor) return `an instance of ${value.constructor.name}`;
      return inspect(value, { depth: -1 });
    case 'string': {
      const s = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return s.includes("'") ? `type string (${JSON.stringify(s)})` : `type string ('${s}')`;
    }
  }
  return `type ${typeof value} (${inspect(value, { colors: false })})`;
}
const kArgTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
function formatTypeList(list, type) {
  if (list.length < 3) return list.join(` ${type} `);
  return `${list.slice(0, -1).join(', ')}, ${type} ${list[list.length - 1]}`;
}
function invalidArgType(name, expected, actual) {
  const types = [], instances = [], other = [];
  for (const v of Array.isArray(expected) ? expected : [expected]) {
    if (kArgTypes.includes(v)) types.push(v.toLowerCase());
    else if (/^([A-Z][a-z0-9]*)+$/.test(v)) instances.push(v);
    else other.push(v);
  }
  if (instances.length > 0 && types.includes('object')) { types.splice(types.indexOf('object'), 1); instances.push('Object'); }
  let msg = `The ${name.endsWith(' argument') ? name : `"${name}" ${name.includes('.') ? 'property' : 'argument'}`} must be `;
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatTypeList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatTypeList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 1) msg += `one of ${formatTypeList(other, 'or')}`;
  else if (other.length === 1) msg += `${other[0].toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${msg}. Received ${receivedType(actual)}`);
}
// The two checks every builtin makes, with Node's ERR_INVALID_ARG_TYPE.
const validateFunction = (v, name) => { if (typeof v !== 'function') throw invalidArgType(name, 'Function', v); };
const validateBoolean = (v, name) => { if (typeof v !== 'boolean') throw invalidArgType(name, 'boolean', v); };
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}
function outOfRange(name, range, input) {
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) received = addNumericalSeparator(String(input));
  else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else received = inspect(input);
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}
function invalidArgValue(name, value, reason = 'is invalid') {
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${String.prototype.includes.call(name, '.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${shown}`);
}
function missingArgs(...names) {
  const n = names.map((a) => (Array.isArray(a) ? a.map((x) => `"${x}"`).join(' or ') : `"${a}"`));
  const list = n.length === 1 ? `${n[0]} argument` : n.length === 2 ? `${n[0]} and ${n[1]} arguments`
    : `${n.slice(0, -1).join(', ')}, and ${n[n.length - 1]} arguments`;
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${list} must be specified`);
}
// A TypeError with a code and Node's plain name (the loop's and process's argument checks).
function typeError(code, message) {
  const e = new TypeError(message);
  e.code = code;
  return e;
}

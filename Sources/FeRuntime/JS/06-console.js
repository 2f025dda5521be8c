// console and print
// Uses from earlier files: 00-core.js (hasOwn); 01-inspect.js (inspect, formatWithOptions, format); 05-process.js (process).
const timersTable = new Map();
const counts = new Map();
let groupIndent = '';
function consoleWrite(fd, args) {
  const colors = fd === 1 ? process.stdout.isTTY && !process.env.NO_COLOR : process.stderr.isTTY && !process.env.NO_COLOR;
  let text = formatWithOptions({ colors: !!colors }, ...args);
  if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
  ops.op_write(fd, text + '\n');
}
const console = {
  log: (...a) => consoleWrite(1, a),
  info: (...a) => consoleWrite(1, a),
  debug: (...a) => consoleWrite(1, a),
  warn: (...a) => consoleWrite(2, a),
  error: (...a) => consoleWrite(2, a),
  trace: (...a) => { const e = new Error(format(...a)); e.name = 'Trace'; consoleWrite(2, [e.stack]); },
  dir: (v, opts) => ops.op_write(1, groupIndent + inspect(v, { ...opts }) + '\n'),
  dirxml: (...a) => consoleWrite(1, a),
  assert: (cond, ...a) => { if (!cond) { a[0] = `Assertion failed${a.length === 0 ? '' : `: ${a[0]}`}`; if (a.length === 0) a.push('Assertion failed'); consoleWrite(2, a.length > 1 || typeof a[0] === 'string' ? a : ['Assertion failed']); } },
  time: (label = 'default') => { timersTable.set(String(label), ops.op_hrtime()); },
  timeEnd: (label = 'default') => { const t = timersTable.get(String(label)); if (t === undefined) return; timersTable.delete(String(label)); consoleWrite(1, [`${label}: ${formatDuration(ops.op_hrtime() - t)}`]); },
  timeLog: (label = 'default', ...data) => { const t = timersTable.get(String(label)); if (t === undefined) return; consoleWrite(1, [`${label}: ${formatDuration(ops.op_hrtime() - t)}`, ...data]); },
  count: (label = 'default') => { const n = (counts.get(String(label)) || 0) + 1; counts.set(String(label), n); consoleWrite(1, [`${label}: ${n}`]); },
  countReset: (label = 'default') => { counts.delete(String(label)); },
  group: (...a) => { if (a.length) consoleWrite(1, a); groupIndent += '  '; },
  groupCollapsed: (...a) => { if (a.length) consoleWrite(1, a); groupIndent += '  '; },
  groupEnd: () => { groupIndent = groupIndent.slice(2); },
  table: (data) => { consoleWrite(1, [renderTable(data)]); },
};
function formatDuration(ns) {
  const ms = ns / 1e6;
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
function renderTable(data) {
  if (data === null || typeof data !== 'object') return format(data);
  const rows = Object.keys(data);
  const cols = [];
  let hasValues = false;
  for (const r of rows) {
    const v = data[r];
    if (v !== null && typeof v === 'object') { for (const k of Object.keys(v)) if (!cols.includes(k)) cols.push(k); } else hasValues = true;
  }
  const header = ['(index)', ...cols, ...(hasValues ? ['Values'] : [])];
  const body = rows.map((r) => {
    const v = data[r];
    const cells = [r];
    for (const c of cols) cells.push(v !== null && typeof v === 'object' && hasOwn(v, c) ? inspect(v[c], { depth: 0, compact: 3 }) : '');
    if (hasValues) cells.push(v !== null && typeof v === 'object' ? '' : inspect(v));
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)) + 2);
  const center = (s, w) => { const left = Math.floor((w - s.length) / 2); return ' '.repeat(left) + s + ' '.repeat(w - s.length - left); };
  const line = (l, m, r) => l + widths.map((w) => '\u2500'.repeat(w)).join(m) + r;
  return [line('\u250c', '\u252c', '\u2510'), '\u2502' + header.map((h, i) => center(h, widths[i])).join('\u2502') + '\u2502', line('\u251c', '\u253c', '\u2524'),
    ...body.map((b) => '\u2502' + b.map((c, i) => center(c, widths[i])).join('\u2502') + '\u2502'), line('\u2514', '\u2534', '\u2518')].join('\n');
}
const print = (...args) => { ops.op_write(1, args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ') + '\n'); };

// The bundled JavaScript minifier, used when esbuild is not on PATH.
'use strict';

// A whitespace and comment minifier for JavaScript that never changes meaning: it understands
// strings, template literals (with nested ${}), regular expression literals and comments, keeps a
// newline wherever one separated tokens (automatic semicolon insertion stays as it was) and a
// space wherever two tokens would otherwise merge.
const KEYWORDS_BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await']);
function minifyJS(src) {
  const isWord = (c) => c !== undefined && /[A-Za-z0-9_$\\\u0080-\uffff]/.test(c);
  let out = '';
  let i = 0;
  const n = src.length;
  let gap = ''; // '', ' ' or '\n': whitespace seen since the last token
  let lastToken = ''; // the last significant token, to tell a regex from a division
  const braces = []; // for each open '{': whether it opened a template substitution
  if (src.startsWith('#!')) { const e = src.indexOf('\n'); out = e < 0 ? src : src.slice(0, e); i = e < 0 ? n : e; gap = '\n'; }

  const emit = (text, kind) => {
    if (gap && out.length) {
      const a = out[out.length - 1], b = text[0];
      if (gap === '\n' && !'{;,(['.includes(a) && !'}),;]'.includes(b)) out += '\n';
      else if ((isWord(a) && isWord(b)) || ((a === '+' || a === '-') && a === b) || (a === '/' && b === '/') ||
        (/[0-9]/.test(a) && b === '.')) out += ' ';
    }
    gap = '';
    out += text;
    if (kind !== 'comment') lastToken = kind === 'word' || kind === 'punct' ? text : kind;
  };
  const regexAllowed = () => {
    if (lastToken === '') return true;
    if (lastToken === 'string' || lastToken === 'regex' || lastToken === 'template' || lastToken === 'number') return false;
    if (/^[A-Za-z_$\\\u0080-\uffff]/.test(lastToken)) return KEYWORDS_BEFORE_EXPRESSION.has(lastToken);
    return !(lastToken === ')' || lastToken === ']');
  };
  // Copies a template literal's text from i (just after '`' or '}'), up to its end or a '${'.
  const templateChunk = () => {
    let j = i;
    while (j < n) {
      const c = src[j];
      if (c === '\\') { j += 2; continue; }
      if (c === '`') { j++; break; }
      if (c === '$' && src[j + 1] === '{') { j += 2; braces.push(true); break; }
      j++;
    }
    const text = src.slice(i, j);
    i = j;
    return text;
  };

  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff' || c === '\u2028' || c === '\u2029') {
      if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') gap = '\n'; else if (!gap) gap = ' ';
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      gap = '\n';
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const body = src.slice(i, end < 0 ? n : end + 2);
      i += body.length;
      // /*! … */ is a licence notice: it stays.
      if (body[2] === '!' || /@license|@preserve/.test(body)) { emit(body, 'comment'); gap = '\n'; continue; }
      if (/[\n\r\u2028\u2029]/.test(body)) gap = '\n'; else if (!gap) gap = ' ';
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; if (src[j] === '\n') break; j++; }
      emit(src.slice(i, j + 1), 'string');
      i = j + 1;
      continue;
    }
    if (c === '`') {
      i++;
      emit('`' + templateChunk(), 'template');
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1, inClass = false;
      while (j < n) {
        const d = src[j];
        if (d === '\\') { j += 2; continue; }
        if (d === '\n') break;
        if (inClass) { if (d === ']') inClass = false; } else if (d === '[') inClass = true; else if (d === '/') break;
        j++;
      }
      j++;
      while (j < n && isWord(src[j])) j++;
      emit(src.slice(i, j), 'regex');
      i = j;
      continue;
    }
    if (isWord(c)) {
      let j = i + 1;
      // Numbers: 1.5e+10 keeps its sign and dot together.
      if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1]))) {
        while (j < n && (isWord(src[j]) || src[j] === '.' || ((src[j] === '+' || src[j] === '-') && /[eE]/.test(src[j - 1]) && !/^0[xX]/.test(src.slice(i, j))))) j++;
        emit(src.slice(i, j), 'number');
      } else {
        while (j < n && isWord(src[j])) j++;
        emit(src.slice(i, j), 'word');
      }
      i = j;
      continue;
    }
    if (c === '.' && /[0-9]/.test(src[i + 1])) {
      let j = i + 1;
      while (j < n && (isWord(src[j]) || ((src[j] === '+' || src[j] === '-') && /[eE]/.test(src[j - 1])))) j++;
      emit(src.slice(i, j), 'number');
      i = j;
      continue;
    }
    if (c === '{') { braces.push(false); emit('{', 'punct'); i++; continue; }
    if (c === '}') {
      if (braces.pop() === true) { i++; emit('}' + templateChunk(), 'template'); continue; }
      emit('}', 'punct'); i++;
      continue;
    }
    emit(c, 'punct');
    i++;
  }
  return out;
}

module.exports = { minifyJS };

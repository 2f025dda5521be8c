// The bundled CSS minifier, used when esbuild is not on PATH.
'use strict';

// CSS: comments out, whitespace collapsed, none around { } ; , > or after ':', no ';' before
// '}'. Strings and url(...) are copied as they are.
function minifyCSS(src) {
  let out = '';
  let i = 0;
  const n = src.length;
  let gap = false;
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const next = end < 0 ? n : end + 2;
      if (src[i + 2] === '!') out += src.slice(i, next); // a licence notice stays
      i = next;
      gap = true;
      continue;
    }
    if (/\s/.test(c)) { gap = true; i++; continue; }
    let token;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; j++; }
      token = src.slice(i, j + 1);
    } else if (/^url\(/i.test(src.slice(i, i + 4))) {
      const end = src.indexOf(')', i);
      token = src.slice(i, end < 0 ? n : end + 1);
    } else {
      token = c;
    }
    if (gap && out.length) {
      const a = out[out.length - 1];
      if (!'{};,>:'.includes(a) && !'{};,>!'.includes(token[0])) out += ' ';
    }
    gap = false;
    if (token === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += token;
    i += token.length;
  }
  return out;
}

module.exports = { minifyCSS };

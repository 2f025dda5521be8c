// References between built files (src/href in HTML, url() and @import in CSS, import/export in
// JS), found and rewritten to the content-hashed names.
'use strict';
const path = require('path');

const REFERENCES = {
  '.html': /(\b(?:src|href)\s*=\s*)(["']?)([^"'\s>]+)\2/gi,
  '.css': /(url\(\s*|@import\s+)(["']?)([^"')\s]+)\2/gi,
  '.js': /(\b(?:from|import)\s*\(?\s*)(["'])([^"'\n]+)\2/g,
};
REFERENCES['.htm'] = REFERENCES['.html'];
REFERENCES['.mjs'] = REFERENCES['.js'];

function resolveReference(fromRel, spec) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(spec)) return null;
  const clean = spec.replace(/[?#].*$/, '');
  if (!clean) return null;
  const rel = clean.startsWith('/') ? path.posix.normalize(clean.slice(1)) : path.posix.join(path.posix.dirname(fromRel), clean);
  return rel.startsWith('..') ? null : rel;
}

function rewriteReferences(text, fromRel, hashedNames) {
  const ext = path.extname(fromRel).toLowerCase();
  const pattern = REFERENCES[ext];
  if (!pattern) return { text, refs: [] };
  const refs = [];
  const rewritten = text.replace(pattern, (all, lead, quote, spec) => {
    const target = resolveReference(fromRel, spec);
    if (target === null || !hashedNames.has(target)) return all;
    refs.push(target);
    const hashed = hashedNames.get(target);
    const suffix = spec.slice(spec.replace(/[?#].*$/, '').length);
    let next;
    if (spec.startsWith('/')) next = '/' + hashed;
    else {
      next = path.posix.relative(path.posix.dirname(fromRel), hashed);
      if (spec.startsWith('./') || (ext !== '.html' && ext !== '.htm' && ext !== '.css')) next = next.startsWith('.') ? next : './' + next;
    }
    return lead + quote + next + suffix + quote;
  });
  return { text: rewritten, refs };
}

module.exports = { REFERENCES, rewriteReferences };

// Text helpers shared by the banner, pages and the size report.
'use strict';

function frame(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  return [`╭${'─'.repeat(width)}╮`, ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), `╰${'─'.repeat(width)}╯`].join('\n');
}

const kB = (n) => `${(n / 1024).toFixed(2)} kB`;
const escapeHTML = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

module.exports = { frame, kB, escapeHTML };

// fe 2.x — the current line of the bundled `fe` tool. Differs visibly from 1.x: a framed
// banner, URLs instead of a port number, --host, files grouped by extension, and `b --json`.
'use strict';
const fs = require('fs');
const path = require('path');

const VERSION = '2.1.0';
const HELP = `fe v${VERSION}

Usage
  $ fe <command> [flags]

Commands
  d, dev     dev server overview  (--host <name>, --port <n>)
  b, build   build report         (--json)
  help       show this help

Flags
  --version  print the version`;

function walk(dir, root, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else out.push({ file: path.relative(root, full), size: fs.statSync(full).size });
  }
  return out;
}

function parseFlags(args) {
  const flags = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags[a.slice(2)] = args[++i];
    else flags[a.slice(2)] = true;
  }
  return flags;
}

function frame(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  return [`╭${'─'.repeat(width)}╮`, ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), `╰${'─'.repeat(width)}╯`].join('\n');
}

fe.main(async (args, ctx) => {
  const [command = 'help', ...rest] = args;
  const flags = parseFlags(rest);
  const dev = ctx.config.dev || {};
  const root = path.resolve(ctx.projectDir, dev.root || '.');
  switch (command) {
    case '--version':
      console.log(`v${VERSION}`);
      return 0;
    case 'd':
    case 'dev': {
      const host = flags.host || dev.host || 'localhost';
      const port = Number(flags.port || dev.port || 5173);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) {
        console.error(`✖ invalid --port: ${flags.port}`);
        return 2;
      }
      const files = walk(root, root, []);
      const byExt = {};
      for (const { file } of files) {
        const ext = path.extname(file) || '(none)';
        byExt[ext] = (byExt[ext] || 0) + 1;
      }
      console.log(frame([`FE v${VERSION}  dev`, '', `➜  Local:   http://${host}:${port}/`, `➜  Root:    ${root}`]));
      for (const ext of Object.keys(byExt).sort()) console.log(`  ${ext.padEnd(8)} ${byExt[ext]}`);
      return 0;
    }
    case 'b':
    case 'build': {
      const files = walk(root, root, []);
      const total = files.reduce((n, f) => n + f.size, 0);
      if (flags.json) {
        console.log(JSON.stringify({ version: VERSION, outDir: 'dist', files, total }));
      } else {
        for (const f of files) console.log(`  dist/${f.file.padEnd(30)} ${(f.size / 1024).toFixed(2)} kB`);
        console.log(`✓ ${files.length} files, ${(total / 1024).toFixed(2)} kB`);
      }
      return 0;
    }
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`✖ Unknown command "${command}". Run \`fe help\`.`);
      return 2;
  }
});

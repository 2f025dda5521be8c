// fe 1.x — the classic line of the bundled `fe` tool. A fe-native bundle: this file runs once
// when its blob is built; fe.main registers what runs at every launch.
'use strict';
const fs = require('fs');
const path = require('path');

const VERSION = '1.4.2';
const HELP = `fe ${VERSION}

usage: fe <command> [options]

commands:
  d, dev        show what the dev server serves (--port <n>)
  b, build      list what a build would copy to dist/
  help          this text
  --version     print the version`;

function walk(dir, root, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else out.push(path.relative(root, full));
  }
  return out;
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

fe.main(async (args, ctx) => {
  const [command = 'help', ...rest] = args;
  const dev = ctx.config.dev || {};
  const root = path.resolve(ctx.projectDir, dev.root || '.');
  switch (command) {
    case '--version':
    case '-v':
      console.log(VERSION);
      return 0;
    case 'd':
    case 'dev': {
      const port = Number(option(rest, '--port', dev.port || 3000));
      if (!Number.isInteger(port) || port <= 0 || port > 65535) {
        console.error(`fe d: --port must be a port number, got ${option(rest, '--port')}`);
        return 2;
      }
      const files = walk(root, root, []);
      console.log(`fe ${VERSION} dev`);
      console.log(`serving ${root} on port ${port}`);
      console.log(`${files.length} file(s):`);
      for (const f of files) console.log(`  ${f}`);
      return 0;
    }
    case 'b':
    case 'build': {
      const files = walk(root, root, []);
      let bytes = 0;
      for (const f of files) bytes += fs.statSync(path.join(root, f)).size;
      console.log(`fe ${VERSION} build: ${files.length} file(s), ${bytes} bytes -> dist/`);
      return 0;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`fe: unknown command '${command}'\n\n${HELP}`);
      return 2;
  }
});

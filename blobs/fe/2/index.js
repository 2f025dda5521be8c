// fe 2.x — the current line of the bundled `fe` tool. A fe-native tool: `fe blobs install`
// bundles this entry and src/ into one file (esbuild), which runs once when its blob is built;
// fe.main registers what runs at every launch.
//   d  a dev server (src/dev, src/server, src/static, src/livereload, src/proxy.js): static
//      files, SPA fallback, ETag/304, gzip, a proxy, live reload (CSS swapped in place) over
//      server-sent events, one log line per request.
//   b  a production build (src/build): minified JS/CSS (esbuild when on PATH, else a bundled
//      safe minifier), content-hashed names with references rewritten, and a size report (--json).
// Differs visibly from 1.x: a framed banner, --host, gzip, proxy, CSS hot swap, hashed builds.
'use strict';
const { VERSION } = require('./src/version');
const { HELP } = require('./src/cli/help');
const { parseFlags } = require('./src/cli/flags');
const { dev } = require('./src/dev/command');
const { build } = require('./src/build/command');

fe.main(async (args, ctx) => {
  const [command = 'help', ...rest] = args;
  const flags = parseFlags(rest);
  switch (command) {
    case '--version':
      console.log(`v${VERSION}`);
      return 0;
    case 'd':
    case 'dev':
      return dev(ctx, flags);
    case 'b':
    case 'build':
      return build(ctx, flags);
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`✖ Unknown command "${command}". Run \`fe help\`.`);
      return 2;
  }
});

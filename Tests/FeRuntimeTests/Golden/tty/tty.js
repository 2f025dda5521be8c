// tty: isatty, colour depth from the environment, and the terminal classes (stdio here is pipes).
const tty = require('tty');
console.log(Object.keys(tty).join(' '));
console.log(tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'), tty.isatty(99));
console.log(process.stdout.isTTY, process.stdin.isTTY);
// A descriptor that is not a terminal (stdout itself is left alone: node breaks it on failure).
const fd = require('fs').openSync(__filename, 'r');
try {
  new tty.WriteStream(fd);
} catch (e) {
  console.log(e.name, e.code, e.message, e.errno, e.syscall, JSON.stringify(e.info));
}
try {
  tty.ReadStream(fd);
} catch (e) {
  console.log(e.code);
}
const depth = (env) => tty.WriteStream.prototype.getColorDepth.call(null, env);
for (const env of [{}, { TERM: 'dumb' }, { TERM: 'xterm' }, { TERM: 'xterm-256color' }, { TERM: 'screen' }, { TERM: 'linux' },
  { COLORTERM: 'truecolor' }, { COLORTERM: 'yes' }, { TERM: 'xterm-kitty' }, { TERM: 'vt100' }, { TERM: 'rxvt-unicode' },
  { TMUX: '1' }, { CI: '1' }, { CI: '1', GITHUB_ACTIONS: 'true' }, { CI: '1', GITLAB_CI: '1' }, { CI: 'x', CI_NAME: 'codeship' },
  { FORCE_COLOR: '0' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '2' }, { FORCE_COLOR: '3' }, { FORCE_COLOR: '' },
  { NO_COLOR: '' }, { NODE_DISABLE_COLORS: '1', TERM: 'xterm' }, { TEAMCITY_VERSION: '9.1.0' }, { TEAMCITY_VERSION: '8.0' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' }, { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' },
  { TERM_PROGRAM: 'Apple_Terminal' }, { TERM: 'foo-truecolor' }]) {
  console.log(JSON.stringify(env), depth(env));
}
const has = (...a) => tty.WriteStream.prototype.hasColors.call(null, ...a);
console.log(has({ TERM: 'xterm-256color' }), has(256, { TERM: 'xterm-256color' }), has(257, { TERM: 'xterm-256color' }), has(2, {}));
try {
  has(1, {});
} catch (e) {
  console.log(e.code, e.message);
}

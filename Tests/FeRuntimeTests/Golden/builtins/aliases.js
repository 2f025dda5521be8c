// Builtins reachable under more than one name.
console.log(require('path/posix') === require('path').posix, require('node:path/posix') === require('path/posix'));
console.log(require('util/types') === require('util').types, typeof require('util/types').isProxy);
console.log(require('fs/promises') === require('fs').promises, require('stream/promises') === require('stream').promises);
console.log(require('timers/promises') === require('timers').promises, require('readline/promises') === require('readline').promises);
console.log(typeof require('node:zlib').gzipSync, typeof require('vm').Script, typeof require('tty').isatty);

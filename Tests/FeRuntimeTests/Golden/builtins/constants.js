// The deprecated constants module and os/fs/crypto constants, with Node's values on Linux.
const c = require('constants'), os = require('os'), fs = require('fs'), crypto = require('crypto');
console.log(c === require('node:constants'), Object.getPrototypeOf(c) === Object.prototype);
console.log(c.SIGINT, c.SIGTERM, c.ENOENT, c.EACCES, c.O_RDONLY, c.O_CREAT, c.S_IFMT, c.S_IRUSR, c.PRIORITY_HIGH, c.RTLD_LAZY, c.UV_FS_COPYFILE_EXCL);
console.log(os.constants.signals.SIGKILL, os.constants.errno.EPIPE, os.constants.priority.PRIORITY_LOW, os.constants.UV_UDP_REUSEADDR, Object.isFrozen(os.constants.signals));
console.log(fs.constants.S_IFIFO, fs.constants.O_NONBLOCK, fs.constants.UV_DIRENT_DIR, fs.promises.constants.S_IRWXU);
console.log(typeof crypto.constants.SSL_OP_ALL, crypto.constants.RSA_PKCS1_PADDING, crypto.constants.POINT_CONVERSION_COMPRESSED);
console.log(Object.keys(os.constants).sort().join(' '));

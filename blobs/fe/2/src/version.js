// The version of this line of the bundled fe tool: shown by --version, the banner, pages and reports.
'use strict';
module.exports = { VERSION: '2.1.0' };

// The dev server's own HTML pages (errors, directory listings), with the live-reload client.
'use strict';
const { VERSION } = require('../version');
const { escapeHTML } = require('../format');
const { injectClient } = require('../livereload/client');

function page(status, title, detail) {
  return injectClient(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${status} ${escapeHTML(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;color:#222}h1{color:#c33}code{background:#f3f3f3;padding:0 .3em}</style>
</head><body><h1>${status} ${escapeHTML(title)}</h1><p>${detail}</p><p><small>fe v${VERSION} dev server</small></p></body></html>
`);
}

module.exports = { page };

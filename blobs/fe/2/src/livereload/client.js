// The live-reload client script the dev server serves, and the tag it injects into HTML pages.
'use strict';
const { VERSION } = require('../version');

// Paths under this prefix are the dev server's own (client script, event stream), never files.
const RESERVED = '/__fe/';
// One EventSource; a CSS change swaps matching stylesheets in place (a new <link> replaces the
// old once loaded, so the page never flashes unstyled), anything else reloads. After the server
// comes back from a restart the page reloads too.
const CLIENT_JS = `// fe ${VERSION} live reload
(() => {
  const source = new EventSource('${RESERVED}events');
  let lost = false;
  source.addEventListener('open', () => { if (lost) location.reload(); });
  source.addEventListener('error', () => { lost = true; });
  source.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    if (change.type !== 'css') { location.reload(); return; }
    const links = [...document.querySelectorAll('link[rel~="stylesheet"][href]')]
      .filter((link) => new URL(link.href, location.href).origin === location.origin);
    const named = links.filter((link) => change.files.includes(new URL(link.href, location.href).pathname));
    const targets = named.length ? named : links;
    if (!targets.length) { location.reload(); return; }
    for (const link of targets) {
      const url = new URL(link.href, location.href);
      url.searchParams.set('t', Date.now());
      const next = link.cloneNode();
      next.href = url.pathname + url.search;
      next.addEventListener('load', () => link.remove(), { once: true });
      next.addEventListener('error', () => link.remove(), { once: true });
      link.after(next);
    }
    console.debug('[fe] css updated:', change.files.join(', '));
  });
})();
`;
const CLIENT_TAG = `<script src="${RESERVED}client.js"></script>`;

function injectClient(html) {
  const head = html.search(/<\/head\s*>/i);
  if (head >= 0) return html.slice(0, head) + CLIENT_TAG + html.slice(head);
  const body = html.search(/<\/body\s*>/i);
  if (body >= 0) return html.slice(0, body) + CLIENT_TAG + html.slice(body);
  return html + CLIENT_TAG;
}

module.exports = { RESERVED, CLIENT_JS, injectClient };

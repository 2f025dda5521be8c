// What the request's headers ask for: gzip (Accept-Encoding) and revalidation
// (If-None-Match, else If-Modified-Since).
'use strict';

function acceptsGzip(header) {
  if (!header) return false;
  const m = /(?:^|,)\s*(gzip|\*)\s*(?:;\s*q=([0-9.]+))?\s*(?:,|$)/i.exec(header);
  return !!m && (m[2] === undefined || Number(m[2]) > 0);
}

function notModified(req, etag, mtimeMs) {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => { t = t.trim(); return t === '*' || t === etag || t.replace(/^W\//, '') === etag.replace(/^W\//, ''); });
  const ims = req.headers['if-modified-since'];
  if (ims) { const t = Date.parse(ims); return !Number.isNaN(t) && Math.floor(mtimeMs / 1000) * 1000 <= t; }
  return false;
}

module.exports = { acceptsGzip, notModified };

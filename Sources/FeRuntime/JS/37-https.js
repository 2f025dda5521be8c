// https: the HTTP client and server over tls
// (being written; see issue 14)
// Uses from earlier files: none.

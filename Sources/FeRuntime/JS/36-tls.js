// tls: client and server over OpenSSL
// (being written; see issue 14)
// Uses from earlier files: none.

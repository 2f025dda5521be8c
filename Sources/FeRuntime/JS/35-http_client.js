// The HTTP client: http.request, ClientRequest, Agent with keep-alive, over net sockets
// (being written; see issue 14)
// Uses from earlier files: 27-http.js (http).

// fe-only: Node 20's fetch ignores proxy variables; fe honours them, read from process.env
// at each fetch. The test server answers proxy requests (an absolute URL as the path).
const show = async (label) => {
  try {
    const e = await (await fetch('http://proxied.invalid/echo?via=proxy')).json();
    console.log(label, 'proxied', e.path, e.headers.host);
  } catch (e) { console.log(label, e.message, e.cause.code); }
};
await show('HTTP_PROXY');
process.env.NO_PROXY = 'proxied.invalid';
await show('NO_PROXY');
process.env.NO_PROXY = 'elsewhere.invalid';
await show('other NO_PROXY');
delete process.env.HTTP_PROXY;
delete process.env.NO_PROXY;
process.env.http_proxy = process.env.FETCH_BASE;
await show('http_proxy');

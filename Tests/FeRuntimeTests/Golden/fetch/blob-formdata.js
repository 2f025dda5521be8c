// Blob, File and FormData, and bodies made from them.
(async () => {
  const blob = new Blob(['ab', new Uint8Array([99, 100]), new Blob(['ef'])], { type: 'Text/Plain' });
  console.log(blob.size, blob.type, await blob.text(), Object.prototype.toString.call(blob));
  console.log(await blob.slice(1, -1).text(), await blob.slice(-2).text(), blob.slice(2, 4, 'x/y').type);
  console.log(new Uint8Array(await blob.arrayBuffer()));
  let streamed = '';
  for await (const chunk of blob.stream()) streamed += new TextDecoder().decode(chunk);
  console.log(streamed, blob);
  const file = new File(['content'], 'name.txt', { type: 'text/plain', lastModified: 42 });
  console.log(file.name, file.size, file.type, file.lastModified, file instanceof Blob, file);

  const fd = new FormData();
  fd.append('a', '1');
  fd.append('a', '2');
  fd.append('f', new Blob(['x']), 'x.bin');
  fd.set('b', 'only');
  console.log(fd.get('a'), fd.getAll('a'), fd.has('b'), fd.get('none'), [...fd.keys()]);
  const f = fd.get('f');
  console.log(f instanceof File, f.name, f.size);
  fd.delete('a');
  console.log([...fd.entries()].map(([k, v]) => [k, typeof v]));

  // multipart and urlencoded bodies round-trip through Response.formData().
  const form = new FormData();
  form.append('text', 'line1\nline2');
  form.append('upload', new File(['file body'], 'up.txt', { type: 'text/plain' }));
  const res = new Response(form);
  console.log(res.headers.get('content-type').startsWith('multipart/form-data; boundary='));
  const back = await res.formData();
  console.log(JSON.stringify(back.get('text')), back.get('upload').name, await back.get('upload').text());
  const enc = await new Response(new URLSearchParams({ x: '1', y: 'two words' })).formData();
  console.log([...enc]);

  // data: URLs
  const d = await fetch('data:,Hello%2C%20World%21');
  console.log(d.status, d.headers.get('content-type'), await d.text(), d.url);
  const j = await fetch('data:application/json;base64,eyJhIjoxfQ==');
  console.log(await j.json());
})();

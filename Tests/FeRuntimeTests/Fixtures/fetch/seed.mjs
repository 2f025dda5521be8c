// The seed program: print the text of a fetched page.
print(await (await fetch(`${process.env.FETCH_BASE}/text`)).text());

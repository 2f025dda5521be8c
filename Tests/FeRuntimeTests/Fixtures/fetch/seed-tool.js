// The seed program as a fe-native tool, built into a blob and run from its snapshot.
fe.main(async (args) => {
  const response = await fetch(`${process.env.FETCH_BASE}/${args[0] || 'text'}`);
  print(await response.text());
  return response.ok ? 0 : 3;
});

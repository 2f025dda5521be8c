// fe-only: node 20 has an inspector; a Node built without one answers like this.
// fe has no inspector: requiring it fails as in a Node built without one.
for (const name of ['inspector', 'node:inspector']) {
  try { require(name); console.log('loaded'); } catch (e) { console.log(e.code, e.message); }
}

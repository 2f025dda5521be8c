// Setting process.env.TZ changes the zone Date and Intl use at once, as in Node; deleting it
// goes back to the system's zone.
const date = new Date(Date.UTC(2018, 3, 14, 12, 34, 56));
for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo']) {
  process.env.TZ = zone;
  console.log(zone, date.toString(), date.toLocaleString('en-US', { timeZoneName: 'long' }));
}
process.env.TZ = 'Etc/UTC';
console.log(date.getHours());
delete process.env.TZ;
console.log('TZ' in process.env);

// performance: now() and timeOrigin, marks and measures, the perf_hooks module.
const { performance: fromModule } = require('perf_hooks');
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
t('module and global agree', () => fromModule === performance);
const a = performance.now();
t('now is a positive number of ms', () => [typeof a, a > 0, a < 60000]);
const spin = Date.now() + 15;
while (Date.now() < spin);
t('now advances', () => performance.now() - a >= 14);
t('timeOrigin is near Date.now() - now()', () => Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 50);
t('timeOrigin is stable', () => performance.timeOrigin === performance.timeOrigin);
t('toJSON has timeOrigin', () => typeof performance.toJSON().timeOrigin);
const m = performance.mark('start', { detail: { step: 1 } });
t('mark', () => [m.name, m.entryType, m.duration, m.detail, typeof m.startTime]);
performance.mark('end');
const measure = performance.measure('span', 'start', 'end');
t('measure', () => [measure.name, measure.entryType, measure.duration >= 0]);
t('entries by type', () => [performance.getEntriesByType('mark').map((e) => e.name), performance.getEntriesByName('span').length]);
performance.clearMarks('start');
t('clearMarks', () => performance.getEntriesByType('mark').map((e) => e.name));
t('measure unknown mark', () => performance.measure('x', 'nope'));

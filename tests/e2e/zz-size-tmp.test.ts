import { it } from 'vitest';
import { newtabBytes } from '../../tools/bench/sizes';
it('size', async () => {
  const b = await newtabBytes('.output/chrome-mv3');
  const all = [...b.js, ...b.app];
  console.log('SIZE', (all.reduce((n, f) => n + f.gzip, 0) / 1024).toFixed(2), JSON.stringify(all.map((f) => f.gzip)));
});

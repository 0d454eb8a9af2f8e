// BENCH_VARIANTS=1: where the new tab's time goes: the blank page plus the new tab's stylesheet, plus a
// module script, and a few ways of loading them, each timed like the new tab.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOnce } from './load';
import type { Session } from './session';
import { log, ms, stats } from './util';

/** Writes the variant pages into the build copy `copy` and prints each one's median. */
export async function benchVariants(s: Session, copy: string): Promise<void> {
  const html = await readFile(join(copy, 'newtab.html'), 'utf8');
  // Every stylesheet the new tab links, in its order (tokens, then the page's own).
  const sheets = [...html.matchAll(/href="([^"]+\.css)"/g)].map((m) => m[1]!);
  const links = sheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('');
  const head = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>V</title>';
  await writeFile(join(copy, 'v-css.html'), `${head}${links}</head><body><article><h2>x</h2></article></body></html>`);
  await writeFile(
    join(copy, 'v-mod.js'),
    "const a=document.createElement('article');a.textContent='x';document.body.append(a);\n",
  );
  await writeFile(
    join(copy, 'v-mod.html'),
    `${head}</head><body><script type="module" src="/v-mod.js"></script></body></html>`,
  );
  await writeFile(
    join(copy, 'v-modcss.html'),
    `${head}${links}</head><body><script type="module" src="/v-mod.js"></script></body></html>`,
  );
  await writeFile(
    join(copy, 'v-classic.html'),
    `${head}${links}</head><body><script src="/v-mod.js"></script></body></html>`,
  );
  await writeFile(
    join(copy, 'v-classic-head.html'),
    `${head}${links}<script src="/v-mod.js" defer></script></head><body></body></html>`,
  );
  const inlined = await Promise.all(sheets.map((href) => readFile(join(copy, href.replace(/^\//, '')), 'utf8')));
  const inline = `<style>${inlined.join('\n')}</style>`;
  await writeFile(
    join(copy, 'v-modcss-async.html'),
    `${head}${links}</head><body><script type="module" async src="/v-mod.js"></script></body></html>`,
  );
  await writeFile(
    join(copy, 'v-inline-mod.html'),
    `${head}${inline}</head><body><script type="module" src="/v-mod.js"></script></body></html>`,
  );
  await writeFile(
    join(copy, 'v-inline-async.html'),
    `${head}${inline}</head><body><script type="module" async src="/v-mod.js"></script></body></html>`,
  );
  for (const v of [
    'v-css.html',
    'v-mod.html',
    'v-modcss.html',
    'v-classic.html',
    'v-classic-head.html',
    'v-modcss-async.html',
    'v-inline-mod.html',
    'v-inline-async.html',
  ]) {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) runs.push((await loadOnce(s.context, `${s.origin}/${v}`)).probe.firstArticle!);
    log(`variant ${v}: median ${ms(stats(runs).median)}`);
  }
}

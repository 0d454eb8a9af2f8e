// `npm run bench:page`: what the paper-page content script costs on the huggingface.co pages that
// are not paper pages (models, datasets, spaces: most of what a researcher opens there). It is
// injected into all of huggingface.co, because the site reaches a paper without a page load.
//
// A stand-in model page of 15,000 DOM nodes makes 1,000 mutation batches, each in its own task (as
// a framework re-rendering part of the page does). Two figures, median of RUNS runs:
//  - time in the content script's code: the tab's V8 sampling profiler, every sample whose stack
//    holds a frame of the extension's script (inclusive, so the DOM calls it makes count);
//  - the batches' wall time in the page, with the content script and without it (the same page
//    served where the script is not injected, in the same browser).
// Prints figures only; `PAPERTAB_EXT_DIR=<dir>` measures another build (e.g. an older one).

import os from 'node:os';
import type { Page } from 'playwright-core';
import { extensionPath, launchExtension } from '../tests/support/extension';
import { contentScriptWorld } from '../tests/support/content-world';
import { startStandIn } from '../tests/support/standin';

const NODES = 15_000;
const BATCHES = 1_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MODEL_URL = 'https://huggingface.co/meta-llama/Llama-3.1-8B';
/** Outside the content script's matches (arXiv listings), for the same page without it. */
const BARE_URL = 'https://arxiv.org/list/cs.CL/recent';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A model page: a header, a file table and a README, `NODES` nodes in all (elements and text). */
function modelPage(): string {
  const rows: string[] = [];
  // Each row: li > a > (span > text) + (span > text): 6 nodes.
  for (let i = 0; rows.length * 6 < NODES - 40; i++) {
    rows.push(`<li class="row"><a href="#f${i}"><span>file-${i}.safetensors</span><span>${i} MB</span></a></li>`);
  }
  const lists: string[] = [];
  for (let i = 0; i < rows.length; i += 50) lists.push(`<ul class="items">${rows.slice(i, i + 50).join('')}</ul>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>meta-llama/Llama-3.1-8B · Hugging Face</title></head>
<body><header><nav><a href="/models">Models</a><a href="/datasets">Datasets</a><a href="/spaces">Spaces</a></nav></header>
<main><h1>meta-llama/Llama-3.1-8B</h1><section class="files">${lists.join('')}</section></main></body></html>`;
}

/** In the page's main world: counts nodes, then makes `batches` mutation batches, one task each. */
async function mutate(batches: number): Promise<{ nodes: number; wall: number }> {
  const walker = document.createTreeWalker(document.documentElement);
  let nodes = 1;
  while (walker.nextNode()) nodes++;
  const lists = [...document.querySelectorAll('ul.items')];
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise<void>((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  const t0 = performance.now();
  for (let i = 0; i < batches; i++) {
    const list = lists[i % lists.length]!;
    const row = list.firstElementChild!.cloneNode(true) as Element;
    row.querySelector('span')!.textContent = `file-${i}.bin`;
    list.firstElementChild!.replaceWith(row); // a re-render deep in the tree: one childList mutation
    await nextTask();
  }
  return { nodes, wall: performance.now() - t0 };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/** Milliseconds of samples whose stack holds a frame from a URL starting with `prefix`. */
function timeIn(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, prefix: string): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inScript = new Map<number, boolean>();
  const isIn = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const yes = !!node?.callFrame.url.startsWith(prefix) || (p !== undefined && isIn(p));
    inScript.set(id, yes);
    return yes;
  };
  let us = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i + 1] is how long the stack of sample i lasted.
  for (let i = 0; i < samples.length; i++) if (isIn(samples[i]!)) us += deltas[i + 1] ?? 0;
  return us / 1000;
}

async function route(page: Page, url: string): Promise<void> {
  const html = modelPage();
  await page.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

async function main(): Promise<void> {
  const hf = await startStandIn();
  const dir = process.env.PAPERTAB_EXT_DIR ?? extensionPath;
  const scriptTimes: number[] = [];
  const withWall: number[] = [];
  const withoutWall: number[] = [];
  let nodes = 0;
  try {
    const ext = await launchExtension({ port: hf.port, extensionDir: dir });
    try {
      for (let run = 0; run < RUNS; run++) {
        // The same page where the content script is not injected: same browser, same extension.
        const bare = await ext.context.newPage();
        await route(bare, BARE_URL);
        await bare.goto(BARE_URL);
        withoutWall.push((await bare.evaluate(mutate, BATCHES)).wall);
        await bare.close();

        const page = await ext.context.newPage();
        await route(page, MODEL_URL);
        await page.goto(MODEL_URL);
        const world = await contentScriptWorld(page, ext.extensionId);
        // Its start (document_idle) is over once its world answers.
        await world.evaluate('1');
        // Timed without the profiler (which slows everything down), then again under it.
        withWall.push((await page.evaluate(mutate, BATCHES)).wall);
        const cdp = await ext.context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
        await cdp.send('Profiler.start');
        const r = await page.evaluate(mutate, BATCHES);
        const { profile } = await cdp.send('Profiler.stop');
        scriptTimes.push(timeIn(profile as never, `chrome-extension://${ext.extensionId}/`));
        nodes = r.nodes;
        await world.close();
        await cdp.detach();
        await page.close();
      }
    } finally {
      await ext.close();
    }
  } finally {
    await hf.close();
  }

  const script = median(scriptTimes);
  console.log(
    `Content script on a huggingface.co model page (${nodes.toLocaleString('en')} nodes, ` +
      `${BATCHES.toLocaleString('en')} mutation batches), median of ${RUNS} runs, build ${dir}:`,
  );
  console.log(
    `  time in the content script: ${ms(script)} (${((script * 1000) / BATCHES).toFixed(1)} µs per batch; ` +
      `runs: ${scriptTimes.map((t) => t.toFixed(1)).join(', ')})`,
  );
  console.log(
    `  the page's ${BATCHES.toLocaleString('en')} batches, wall time: ${ms(median(withWall))} with the content script, ` +
      `${ms(median(withoutWall))} without (runs with: ${withWall.map((t) => t.toFixed(0)).join(', ')}; without: ${withoutWall.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  machine: ${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

// BENCH_PROFILE=1: where the page's time goes while typing (V8 sampling profiler, self time per function),
// and what it allocates (V8's sampling heap profiler, counting what the garbage collector took since:
// the bytes each function allocated).

import { type CDPSession, type Page } from 'playwright-core';
import { log } from './util';

export async function startProfiler(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await cdp.send('Profiler.start');
  await startGcTrace(cdp);
  return cdp;
}

// The garbage collector's own events: which kind ran, how often, for how long (on the page's main thread).
const gcEvents: { name: string; dur: number }[] = [];
async function startGcTrace(cdp: CDPSession): Promise<void> {
  gcEvents.length = 0;
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value as unknown as { name: string; ph: string; dur?: number }[])
      if (e.ph === 'X' && e.dur !== undefined) gcEvents.push({ name: e.name, dur: e.dur / 1000 });
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8', 'devtools.timeline'] } });
}

async function printGcTrace(cdp: CDPSession): Promise<void> {
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  const byName = new Map<string, { n: number; ms: number; max: number }>();
  for (const { name, dur } of gcEvents) {
    if (!/GC|Scaveng|MarkCompact|Sweep/i.test(name)) continue;
    const e = byName.get(name) ?? { n: 0, ms: 0, max: 0 };
    byName.set(name, { n: e.n + 1, ms: e.ms + dur, max: Math.max(e.max, dur) });
  }
  log('    garbage collection while typing (trace events: count, total ms, longest ms):');
  for (const [name, e] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
    log(`      ${name}: ${e.n}, ${e.ms.toFixed(1)}, ${e.max.toFixed(1)}`);
}

const nameOf = (f: { functionName: string; url: string; lineNumber: number }) =>
  `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

async function printAllocations(cdp: CDPSession): Promise<void> {
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
  const self = new Map<string, number>();
  const walk = (node: HeapNode) => {
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  log(`    allocated while typing: ${(total / 2 ** 20).toFixed(1)} MB; by function (self, KB):`);
  for (const [name, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    log(`      ${(bytes / 1024).toFixed(0).padStart(7)}  ${name}`);
}

export async function printProfile(cdp: CDPSession): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  const top = [...self].filter(([n]) => n !== '(idle)' && n !== '(program)').sort((a, b) => b[1] - a[1]);
  log('    profile while typing (self time, ms):');
  for (const [name, t] of top.slice(0, 30)) log(`      ${t.toFixed(1).padStart(7)}  ${name}`);
  // Time within each function and what it called (a recursive function counted once per stack).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id)!;
    const name = nameOf(node.callFrame);
    const inner = new Set(open).add(name);
    let t = (dt.get(id) ?? 0) / 1000;
    for (const child of node.children ?? []) t += walk(child, inner);
    if (!open.has(name)) total.set(name, (total.get(name) ?? 0) + t);
    return t;
  };
  walk(profile.nodes[0]!.id, new Set());
  log('    the same, total time (with what each called, ms):');
  const skip = new Set(['(root)', '(idle)', '(program)']);
  const totals = [...total].filter(([n]) => !skip.has(n)).sort((a, b) => b[1] - a[1]);
  for (const [name, t] of totals.slice(0, 40)) log(`      ${t.toFixed(1).padStart(7)}  ${name}`);
  await printAllocations(cdp);
  await printGcTrace(cdp);
}

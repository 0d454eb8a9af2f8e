// The Following figures alone: `vite-node tools/bench/follows-main.ts [papers]` (30,000 by default,
// the archive's scale), in Chromium with the built extension (`npx wxt build` first).

import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { extensionPath } from '../../tests/support/extension';
import { startStandIn } from '../../tests/support/standin';
import { benchFollows } from './follows';
import { makeSeed, seed } from './seed';
import { launch, type Session } from './session';
import { log } from './util';

async function main(): Promise<void> {
  const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 30_000);
  const hf = await startStandIn();
  const copy = await mkdtemp(join(os.tmpdir(), 'papertab-bench-follows-'));
  let session: Session | undefined;
  try {
    await cp(extensionPath, copy, { recursive: true });
    const data = makeSeed(count);
    session = await launch(copy, hf);
    await seed(session, data);
    log(`load average (1 min) ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
    const rows = await benchFollows(session, data);
    log(`load average (1 min) ${os.loadavg()[0]!.toFixed(2)} after`);
    log('| figure | measured | target |');
    log('| --- | --- | --- |');
    for (const r of rows) log(`| ${r.join(' | ')} |`);
  } finally {
    await session?.close().catch(() => undefined);
    await hf.close();
    await rm(copy, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

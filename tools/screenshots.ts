// `npm run screenshots`: README screenshots of the built extension in the sample world (headless).
// Writes tests/screenshots/newtab-light.png, newtab-dark.png (1280×800) and popup.png (380 px wide).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, repoRoot, type ExtensionSession } from '../tests/support/extension';
import { routeSampleImages, startSampleWorld, waitForInstall, type SampleWorld } from '../tests/support/sample-world';
import { until } from '../tests/support/until';

const outDir = join(repoRoot, 'tests', 'screenshots');

/** Waits for `count` papers and the "Updated …" line, then for fonts and two frames. */
async function settled(page: Page, count: number): Promise<void> {
  await until(
    `papers on ${page.url()}`,
    () => page.locator('article').count(),
    (n) => n === count,
  );
  await page
    .getByText(/Updated /)
    .first()
    .waitFor();
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Every image in view decoded (or failed), so none is caught half-loaded. Lazy images below
    // the fold never load, so they are left out, and a 5 s cap keeps a stuck one from hanging us.
    const inView = [...document.images].filter((img) => img.getBoundingClientRect().top < innerHeight);
    await Promise.race([
      Promise.all(inView.map((img) => img.decode().catch(() => undefined))),
      new Promise((r) => setTimeout(r, 5000)),
    ]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

async function main(): Promise<void> {
  let world: SampleWorld | undefined;
  let ext: ExtensionSession | undefined;
  try {
    // Today's papers are in: the new tab shows a normal day, without the "not curated yet" notice.
    world = await startSampleWorld({ withToday: true });
    ext = await launchExtension({ port: world.hf.port });
    await routeSampleImages(ext.context);
    await waitForInstall(ext, world);
    const count = world.newestDay.items.length;
    await mkdir(outDir, { recursive: true });

    const newtab = await ext.context.newPage();
    await newtab.setViewportSize({ width: 1280, height: 800 });
    await newtab.emulateMedia({ colorScheme: 'light' });
    await newtab.goto(`chrome-extension://${ext.extensionId}/newtab.html`);
    await settled(newtab, count);
    await newtab.screenshot({ path: join(outDir, 'newtab-light.png') });
    await newtab.emulateMedia({ colorScheme: 'dark' });
    await settled(newtab, count);
    await newtab.screenshot({ path: join(outDir, 'newtab-dark.png') });

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await settled(popup, Math.min(10, count));
    // A real popup is as tall as its content, up to 600 px.
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    await popup.setViewportSize({ width: 380, height: Math.min(600, height) });
    await popup.screenshot({ path: join(outDir, 'popup.png') });

    for (const name of ['newtab-light.png', 'newtab-dark.png', 'popup.png']) console.log(`wrote ${join(outDir, name)}`);
  } finally {
    await ext?.close();
    await world?.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

// `npm run screenshots`: the README's pictures, every page a user meets, made from the built
// extension (Chrome and Firefox builds) in the sample world (tests/support/sample-world.ts, dated
// relative to today), headless, so they stay current. Writes tests/screenshots/:
//   newtab-light.png, newtab-dark.png, newtab-compact(-dark).png, newtab-grid(-dark).png (1280×800),
//   popup.png (380 px wide),
//   save-huggingface.png and save-arxiv.png (the Save button on a paper page, from the local
//   stand-in), reading-list.png, options.png, and newtab-firefox.png (Firefox ESR, 1280×800).
// Then the store listing's pictures in store/ from those (tools/release/store-images.ts).

import { pageSaveButton } from '../tests/support/driver-chromium';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, repoRoot, type ExtensionSession } from '../tests/support/extension';
import { launchFirefox, type FirefoxSession } from '../tests/support/firefox';
import { IMAGE_HOSTS } from '../tests/support/sample-images';
import { startSampleWorld, waitForInstall, type SampleWorld } from '../tests/support/sample-world';
import { until } from '../tests/support/until';
import { storeImages } from './release/store-images';

const outDir = join(repoRoot, 'tests', 'screenshots');
const written: string[] = [];
const out = (name: string) => {
  written.push(join(outDir, name));
  return join(outDir, name);
};

/** Fonts loaded, every image in view decoded (or failed; 5 s at most), then two frames. */
async function imagesAndFrames(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Lazy images below the fold never load, so they are left out.
    const inView = [...document.images].filter((img) => img.getBoundingClientRect().top < innerHeight);
    await Promise.race([
      Promise.all(inView.map((img) => img.decode().catch(() => undefined))),
      new Promise((r) => setTimeout(r, 5000)),
    ]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Waits for `count` papers and the "Updated …" line, then for images and two frames. */
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
  await imagesAndFrames(page);
}

async function chooseLayout(page: Page, name: 'Comfortable' | 'Compact' | 'Grid'): Promise<void> {
  // Order, filters and layout sit behind one control in the row above the papers.
  const toggle = page.getByRole('button', { name: /Order and filters/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const button = page.getByRole('group', { name: 'Layout' }).getByRole('button', { name });
  await button.click();
  await until(
    `${name} pressed`,
    () => button.getAttribute('aria-pressed'),
    (v) => v === 'true',
  );
  await page.keyboard.press('Escape');
  await page.mouse.move(1279, 799);
}

const saveButton = pageSaveButton;

async function chromium(world: SampleWorld, ext: ExtensionSession): Promise<void> {
  const count = world.newestDay.items.length;
  const base = `chrome-extension://${ext.extensionId}`;

  const newtab = await ext.context.newPage();
  await newtab.setViewportSize({ width: 1280, height: 800 });
  await newtab.emulateMedia({ colorScheme: 'light' });
  await newtab.goto(`${base}/newtab.html`);
  await settled(newtab, count);
  await newtab.screenshot({ path: out('newtab-light.png') });
  await newtab.emulateMedia({ colorScheme: 'dark' });
  await settled(newtab, count);
  await newtab.screenshot({ path: out('newtab-dark.png') });
  for (const [layout, file] of [
    ['Compact', 'newtab-compact'],
    ['Grid', 'newtab-grid'],
  ] as const) {
    await newtab.emulateMedia({ colorScheme: 'light' });
    await chooseLayout(newtab, layout);
    await settled(newtab, count);
    await newtab.screenshot({ path: out(`${file}.png`) });
    await newtab.emulateMedia({ colorScheme: 'dark' });
    await settled(newtab, count);
    await newtab.screenshot({ path: out(`${file}-dark.png`) });
  }
  await newtab.emulateMedia({ colorScheme: 'light' });
  await chooseLayout(newtab, 'Comfortable');

  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.goto(`${base}/popup.html`);
  await settled(popup, Math.min(10, count));
  // A real popup is as tall as its content, up to 600 px.
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 380, height: Math.min(600, height) });
  await popup.screenshot({ path: out('popup.png') });
  await popup.close();

  // The Save button on a Hugging Face paper page (not saved yet), then the same paper on arXiv,
  // where it shows as saved. Both pages come from the local stand-in (plain, unstyled HTML).
  const papers = [...world.newestDay.items].map((i) => i.paper).sort((a, b) => b.upvotes - a.upvotes);
  const paper = papers[2]!;
  const hf = await ext.context.newPage();
  await hf.setViewportSize({ width: 960, height: 360 });
  await hf.goto(`https://huggingface.co/papers/${paper.id}`);
  await until(
    'Save on the Hugging Face page',
    () => saveButton(hf).count(),
    (n) => n === 1,
  );
  await imagesAndFrames(hf);
  await hf.screenshot({ path: out('save-huggingface.png') });
  await saveButton(hf).click();
  await until(
    'saved from the Hugging Face page',
    () => saveButton(hf).getAttribute('aria-pressed'),
    (v) => v === 'true',
  );
  await hf.close();
  const arxiv = await ext.context.newPage();
  await arxiv.setViewportSize({ width: 960, height: 800 });
  await arxiv.goto(`https://arxiv.org/abs/${paper.id}`);
  await until(
    'Saved on the arXiv page',
    () => saveButton(arxiv).getAttribute('aria-pressed'),
    (v) => v === 'true',
  );
  // arXiv's page has it under "Access Paper", below the abstract: the picture ends just below it.
  await imagesAndFrames(arxiv);
  const box = (await saveButton(arxiv).boundingBox())!;
  const bottom = Math.ceil(box.y + box.height + 24);
  await arxiv.screenshot({
    path: out('save-arxiv.png'),
    fullPage: true,
    clip: { x: 0, y: Math.max(0, bottom - 420), width: 960, height: Math.min(420, bottom) },
  });
  await arxiv.close();

  // A reading list with a few papers: one being read, with tags and a note.
  // Saved last, so it heads the list (newest saved first).
  for (const p of [papers[7]!, papers[4]!, papers[0]!]) {
    const save = newtab.getByRole('article', { name: p.title }).getByRole('button', { name: 'Save' });
    await save.click();
    await until(
      `${p.title} saved`,
      () => save.getAttribute('aria-pressed'),
      (v) => v === 'true',
    );
  }
  await newtab.close();
  const list = await ext.context.newPage();
  await list.setViewportSize({ width: 1280, height: 800 });
  await list.emulateMedia({ colorScheme: 'light' });
  await list.goto(`${base}/reading-list.html`);
  await until(
    'the reading list',
    () => list.getByRole('article').count(),
    (n) => n === 4,
  );
  const card = list.getByRole('article', { name: papers[0]!.title });
  // The note, status and tags open in place from the paper's note line; closed again for the picture.
  const noteToggle = card.getByRole('button', { name: 'Add a note' });
  await noteToggle.click();
  await card.getByRole('combobox', { name: 'Status' }).selectOption('reading');
  for (const tag of ['diffusion', 'to-reproduce']) {
    const box = card.getByRole('textbox', { name: `Add a tag to “${papers[0]!.title}”` });
    await box.fill(tag);
    await box.press('Enter');
  }
  await card.getByRole('textbox', { name: 'Note' }).fill('Compare with the sliding-window baseline.');
  await card.getByRole('textbox', { name: 'Note' }).blur();
  await until(
    'tags added',
    () => card.getByRole('listitem').filter({ hasText: 'to-reproduce' }).count(),
    (n) => n === 1,
  );
  await card.getByRole('button', { name: /^Note: / }).click();
  await list.mouse.move(1279, 799);
  await list.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await imagesAndFrames(list);
  await list.screenshot({ path: out('reading-list.png') });
  await list.close();

  const options = await ext.context.newPage();
  await options.setViewportSize({ width: 1000, height: 800 });
  await options.emulateMedia({ colorScheme: 'light' });
  await options.goto(`${base}/options.html`);
  await options.getByRole('heading', { level: 1, name: 'Papertab settings' }).waitFor();
  await until(
    'settings loaded',
    () => options.getByRole('combobox', { name: 'Theme' }).inputValue(),
    (v) => v !== '',
  );
  await imagesAndFrames(options);
  await options.screenshot({ path: out('options.png'), fullPage: true });
  await options.close();
}

async function firefox(world: SampleWorld, ff: FirefoxSession): Promise<void> {
  const count = world.newestDay.items.length;
  await until(
    'Firefox: badge after install',
    () => ff.api(() => browser.action.getBadgeText({})),
    (t) => t === String(count),
  );
  // The browser's own new tab, so what is shown is the override a user gets.
  const page = await ff.newTab();
  await page.setViewport({ width: 1280, height: 800 });
  await until(
    'Firefox: papers on the new tab',
    () => page.evaluate(() => document.querySelectorAll('main article').length),
    (n) => n === count,
  );
  await until(
    'Firefox: the Updated line',
    () => page.evaluate(() => document.body.textContent ?? ''),
    (text) => text.includes('Updated '),
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: out('newtab-firefox.png') });
}

async function main(): Promise<void> {
  let world: SampleWorld | undefined;
  let ext: ExtensionSession | undefined;
  let ff: FirefoxSession | undefined;
  try {
    // Today's papers are in: the new tab shows a normal day, without the "not curated yet" notice.
    world = await startSampleWorld({ withToday: true });
    await mkdir(outDir, { recursive: true });
    ext = await launchExtension({ port: world.hf.port, hosts: IMAGE_HOSTS });
    await waitForInstall(ext, world);
    await chromium(world, ext);
    await ext.close();
    ext = undefined;
    ff = await launchFirefox({ port: world.hf.port, hosts: IMAGE_HOSTS });
    await firefox(world, ff);
    // The store listing's pictures (1280×800 screenshots, icon, tile) from the ones just made.
    written.push(...(await storeImages()));
    for (const path of written) console.log(`wrote ${path}`);
  } finally {
    await ext?.close();
    await ff?.close();
    await world?.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

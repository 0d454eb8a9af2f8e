import { afterAll, beforeAll, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { makeDay, utcDay } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { waitForBadge, waitForPapers } from '../support/e2e';

let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);
const src = await readFile('node_modules/axe-core/axe.min.js', 'utf8');
beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, makeDay(DAY, 10));
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '10');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

async function report(page: Page, label: string) {
  await page.evaluate(`${src}\n;void 0`);
  const r = (await page.evaluate(() =>
    (window as any).axe.run(document, { resultTypes: ['violations', 'incomplete'] }),
  )) as any;
  for (const kind of ['violations', 'incomplete'])
    for (const v of r[kind])
      if (!(kind === 'incomplete' && ['label-content-name-mismatch'].includes(v.id)))
        console.log(
          `${label} ${kind} [${v.impact}] ${v.id}: ${v.nodes.map((n: any) => n.target.join(' ') + ' ' + [...n.any, ...n.all, ...n.none].map((c: any) => c.message).join(';')).join('\n      ')}`,
        );
}

it('scan', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${ext.extensionId}/newtab.html`);
    await waitForPapers(page, 10);
    const first = page.getByRole('article').first();
    await first.getByRole('button', { name: 'Save' }).click();
    await first.locator('button[aria-pressed=true]').waitFor();
    await page.getByRole('article').nth(1).getByRole('button', { name: 'Save' }).click();
    await page.waitForTimeout(300);
    await page.getByRole('article').nth(1).getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    await report(page, `${scheme} newtab+toast`);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await report(page, `${scheme} help`);
    await page.keyboard.press('Escape');
    hf.setFault({ kind: 'down' });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page
      .getByText(/Could not reach/)
      .first()
      .waitFor({ timeout: 20000 });
    await report(page, `${scheme} refresh error`);
    hf.setFault(null);
    await page.context().setOffline(true);
    await page.getByText(/You are offline/).waitFor();
    await report(page, `${scheme} offline`);
    await page.context().setOffline(false);
    await page.getByLabel('Go to date').fill(utcDay(0));
    await waitForPapers(page, 0);
    await report(page, `${scheme} empty day`);
    await page.close();
    const popup = await ext.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await waitForPapers(popup, 10);
    await report(popup, `${scheme} popup`);
    await popup.close();
    const list = await ext.context.newPage();
    await list.emulateMedia({ colorScheme: scheme });
    await list.goto(`chrome-extension://${ext.extensionId}/reading-list.html`);
    await list.waitForTimeout(2000);
    console.log('LIST', await list.locator('body').innerText());
    await list.getByRole('article').first().waitFor();
    await list.getByRole('button', { name: 'Remove', exact: true }).click();
    await list.getByRole('button', { name: 'Undo' }).waitFor();
    await report(list, `${scheme} list+toast`);
    await list.getByRole('button', { name: 'Undo' }).click();
    await list.close();
    const opt = await ext.context.newPage();
    await opt.emulateMedia({ colorScheme: scheme });
    await opt.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await opt.getByRole('heading', { level: 1 }).waitFor();
    await opt.waitForTimeout(500);
    await report(opt, `${scheme} options`);
    await opt.close();
  }
});

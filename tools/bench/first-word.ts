// (c') search: the first full word typed in a freshly opened new tab → its complete results in the
// DOM. A real word ("diffusion"), arriving as one input (as a paste, or the last letter of a word
// typed before the first answer), a second after the tab opened, as a person starts typing. Three
// fresh tabs; the median.

import { installSearchHarness, type SearchHarness } from './search-harness';
import type { Session } from './session';
import { log, ms, sleep, stats } from './util';

const WORD = 'diffusion';
const COUNT_RE = /\d+ (papers? )?match/;

async function once(s: Session): Promise<{ toResults?: number; count: string }> {
  const page = await s.context.newPage();
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${s.origin}/newtab.html`);
    await page.locator('article').first().waitFor();
    await sleep(1000);
    await page.evaluate(installSearchHarness, COUNT_RE.source);
    await page.getByRole('searchbox', { name: 'Search papers' }).focus();
    await page.evaluate(() => (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch.arm());
    await page.keyboard.insertText(WORD);
    const r = await page.evaluate(
      (t) => (window as unknown as { __papertabSearch: SearchHarness }).__papertabSearch.wait(t),
      30_000,
    );
    return {
      toResults: r.keyAt !== undefined && r.resultAt !== undefined ? r.resultAt - r.keyAt : undefined,
      count: r.count,
    };
  } finally {
    await page.close();
  }
}

export async function benchFirstWord(s: Session): Promise<string[][]> {
  const runs = [await once(s), await once(s), await once(s)];
  const times = runs.flatMap((r) => (r.toResults === undefined ? [] : [r.toResults]));
  const m = stats(times).median;
  log(
    `(c') first full word ("${WORD}") in a freshly opened new tab → complete results: ` +
      `${runs.map((r) => ms(r.toResults ?? NaN)).join(', ')} (median ${ms(m)}; "${runs[0]?.count}")`,
  );
  return [
    [
      `search, first full word ("${WORD}", ${runs[0]?.count ?? '?'}) in a freshly opened new tab → complete results, median of 3`,
      ms(m),
      `≤ 50 ms (${m <= 50 ? 'met' : 'not met'})`,
    ],
  ];
}

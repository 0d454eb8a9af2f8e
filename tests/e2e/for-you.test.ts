import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDailyItem, paperIdFor, utcDay, type DailyItem } from '../fixtures/papers';
import { topicTexts, type Topic } from '../fixtures/topics';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { shownTitles, waitForBadge, waitForPapers, openOrderAndFilters } from '../support/e2e';

/**
 * "For you" in the built extension: the day before yesterday holds three diffusion papers (saved
 * in the test) and two others; yesterday six papers of six topics, the diffusion one with the
 * fewest upvotes.
 */
let hf: StandIn;
let ext: ExtensionSession;
const YESTERDAY = utcDay(-1);
const BEFORE = utcDay(-2);

function topical(day: string, index: number, topic: Topic, text: number, upvotes: number): DailyItem {
  const t = topicTexts(topic)[text]!;
  return makeDailyItem(paperIdFor(day, index), day, {
    title: t.title,
    summary: t.summary,
    paper: { title: t.title, summary: t.summary, ai_keywords: t.aiKeywords, ai_summary: t.summary, upvotes },
  });
}

const earlier = [
  topical(BEFORE, 0, 'diffusion', 0, 10),
  topical(BEFORE, 1, 'diffusion', 1, 11),
  topical(BEFORE, 2, 'diffusion', 2, 12),
  topical(BEFORE, 3, 'speech', 1, 13),
  topical(BEFORE, 4, 'robotics', 3, 14),
];
const day = [
  topical(YESTERDAY, 0, 'diffusion', 7, 2),
  topical(YESTERDAY, 1, 'speech', 0, 80),
  topical(YESTERDAY, 2, 'reasoning', 0, 70),
  topical(YESTERDAY, 3, 'quantization', 0, 60),
  topical(YESTERDAY, 4, 'scenes3d', 0, 50),
  topical(YESTERDAY, 5, 'robotics', 0, 40),
];
const ON_TOPIC = day[0]!.paper.title;
const SPEECH = day[1]!.paper.title;

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(YESTERDAY, day);
  hf.setDay(BEFORE, earlier);
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '6');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

async function newTab(count = 6): Promise<Page> {
  const page = await ext.page('newtab.html');
  await waitForPapers(page, count);
  return page;
}

describe('For you', () => {
  it('with an empty list says so and keeps the most upvoted first', async () => {
    const page = await newTab();
    await openOrderAndFilters(page);
    await page.getByRole('button', { name: 'For you', exact: true }).click();
    await page.getByText('Save papers to get a ranking made for you').waitFor();
    expect((await shownTitles(page))[0]).toBe(SPEECH);
    await page.getByRole('button', { name: 'Most upvoted', exact: true }).click();
    await page.close();
  });

  it('ranks the paper like the saved ones first, with its reason, and keeps the choice', async () => {
    const before = await ext.page(`newtab.html#/day/${BEFORE}`);
    await waitForPapers(before, 5);
    for (const item of earlier.slice(0, 3)) {
      const save = before.getByRole('article', { name: item.paper.title }).getByRole('button', { name: 'Save' });
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    }
    await before.close();

    const page = await newTab();
    expect((await shownTitles(page))[0]).toBe(SPEECH);
    await openOrderAndFilters(page);
    const forYou = page.getByRole('button', { name: 'For you', exact: true });
    await forYou.click();
    expect(await forYou.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await shownTitles(page))[0]).toBe(ON_TOPIC);
    const card = page.getByRole('article', { name: ON_TOPIC });
    await expect.poll(() => card.textContent()).toMatch(/Like \d papers? you saved: /);
    await page.close();

    // Remembered: a new tab opens in the "For you" order.
    const again = await newTab();
    await openOrderAndFilters(again);
    expect(await again.getByRole('button', { name: 'For you', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await shownTitles(again))[0]).toBe(ON_TOPIC);
    await again.close();
  });

  it('"Not interested" hides a paper, offers Undo, and "Show all" shows it again', async () => {
    const page = await newTab();
    const card = () => page.getByRole('article', { name: SPEECH });
    // Through the card's menu, by pointer here (glance.test.ts does it by keyboard).
    const notInterested = async () => {
      await card()
        .getByRole('button', { name: /^More actions/ })
        .click();
      await card()
        .getByRole('menuitem', { name: /^(Not interested|Interested again)$/ })
        .click();
    };
    await notInterested();
    await expect.poll(() => page.getByRole('article').count()).toBe(5);
    expect(await shownTitles(page)).not.toContain(SPEECH);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('article').count()).toBe(6);

    await notInterested();
    await expect.poll(() => page.getByRole('article').count()).toBe(5);
    await page.getByText('1 hidden (not interested or muted).').waitFor();
    await page.reload();
    await waitForPapers(page, 5);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.getByRole('article').count()).toBe(6);
    await card()
      .getByRole('button', { name: /^More actions/ })
      .click();
    await card().getByRole('menuitem', { name: 'Interested again' }).waitFor();
    await page.keyboard.press('Escape');
    // Unmarked again, for the next test.
    await notInterested();
    await card()
      .getByRole('button', { name: /^More actions/ })
      .click();
    await card().getByRole('menuitem', { name: 'Not interested' }).waitFor();
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('a muted keyword in the options hides the papers that match it', async () => {
    const options = await ext.page('options.html');
    await options.getByRole('textbox', { name: 'Muted keywords' }).fill('speech recognition');
    await options.getByRole('textbox', { name: 'Muted authors' }).focus();
    const page = await ext.page('newtab.html');
    await waitForPapers(page, 5);
    expect(await shownTitles(page)).not.toContain(SPEECH);
    await options.close();
    await page.close();
  });
});

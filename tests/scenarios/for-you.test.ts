/**
 * "For you" and "Not interested" in the built extension, in both browsers: the day before
 * yesterday holds three diffusion papers (saved in the test) and two others; yesterday six papers
 * of six topics, the diffusion one with the fewest upvotes.
 */
import { describe, expect, it } from 'vitest';
import { makeDailyItem, paperIdFor, utcDay, type DailyItem } from '../fixtures/papers';
import { topicTexts, type Topic } from '../fixtures/topics';
import { scenarioWorld } from '../support/scenario-world';
import { byName, poll, reload, shownTitles, waitForPapers, type Tab } from '../support/driver';
import {
  cardAction,
  cardControl,
  cardText,
  field,
  fill,
  press,
  toggleSave,
  waitCount,
  waitPressed,
  waitText,
  waitTitles,
  openOrderAndFilters,
} from '../support/steps';

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

const { driver } = scenarioWorld({
  serve: (hf) => {
    hf.setDay(YESTERDAY, day);
    hf.setDay(BEFORE, earlier);
  },
  badge: '6',
});

async function newTab(count = 6): Promise<Tab> {
  const tab = await driver.openExtensionPage('newtab.html');
  await waitForPapers(tab, count);
  return tab;
}

const first = (tab: Tab, title: string) => waitTitles(tab, `“${title}” first`, (titles) => titles[0] === title);

describe('For you', () => {
  it('with an empty list says so and keeps the most upvoted first', async () => {
    const tab = await newTab();
    await openOrderAndFilters(tab);
    await press(tab, 'For you');
    await waitText(tab, 'Save papers to get a ranking made for you');
    expect((await shownTitles(tab))[0]).toBe(SPEECH);
    await press(tab, 'Most upvoted');
    await waitPressed(tab, await byName(tab, 'button', 'Most upvoted'), true);
    await tab.close();
  });

  it('ranks the paper like the saved ones first, with its reason, and keeps the choice', async () => {
    const before = await driver.openExtensionPage(`newtab.html#/day/${BEFORE}`);
    await waitForPapers(before, 5);
    for (const item of earlier.slice(0, 3)) await toggleSave(before, item.paper.title);
    await before.close();

    const tab = await newTab();
    expect((await shownTitles(tab))[0]).toBe(SPEECH);
    await openOrderAndFilters(tab);
    const forYou = await byName(tab, 'button', 'For you');
    await tab.click(forYou);
    await waitPressed(tab, forYou, true);
    await first(tab, ON_TOPIC);
    await poll(
      () => cardText(tab, ON_TOPIC),
      'the reason on the card',
      (t) => /Like \d papers? you saved: /.test(t),
    );
    await tab.close();

    // Remembered: a new tab opens in the "For you" order.
    const again = await newTab();
    await openOrderAndFilters(again);
    await waitPressed(again, await byName(again, 'button', 'For you'), true);
    await first(again, ON_TOPIC);
    await again.close();
  });

  it('"Not interested" hides a paper, offers Undo, and "Show all" shows it again', async () => {
    const tab = await newTab();
    await first(tab, ON_TOPIC); // "For you" is on (the test above): ranked before anything is clicked
    await cardAction(tab, SPEECH, 'Not interested');
    await waitCount(tab, 5);
    expect(await shownTitles(tab)).not.toContain(SPEECH);
    await tab.click(await byName(tab, '.toast button', 'Undo'));
    await waitCount(tab, 6);

    await cardAction(tab, SPEECH, 'Not interested');
    await waitCount(tab, 5);
    await waitText(tab, '1 hidden (not interested or muted).');
    await reload(tab);
    await waitForPapers(tab, 5);
    await press(tab, 'Show all');
    await waitCount(tab, 6);
    // Marked: the card's menu offers to take the mark back; unmarked again, for the next test.
    await cardAction(tab, SPEECH, 'Interested again');
    await cardControl(tab, SPEECH, 'Not interested');
    await tab.close();
  });

  it('a muted keyword in the options hides the papers that match it', async () => {
    const options = await driver.openExtensionPage('options.html');
    await fill(options, await field(options, 'Muted keywords'), 'speech recognition');
    await options.press('Tab'); // the list is kept when the field is left
    const tab = await driver.openExtensionPage('newtab.html');
    await waitForPapers(tab, 5);
    expect(await shownTitles(tab)).not.toContain(SPEECH);
    await options.close();
    await tab.close();
  });
});

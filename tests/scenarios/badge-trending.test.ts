/**
 * In both browsers: the badge counts papers (a day already seen that grows counts again), Trending
 * shows Hugging Face's order, With code filters, and a saved paper shows its code release and
 * artifacts. Yesterday starts with 6 papers: even ones without code, odd ones with it.
 */
import { describe, expect, it } from 'vitest';
import { makeDay, utcDay, type DailyItem } from '../fixtures/papers';
import { scenarioWorld } from '../support/scenario-world';
import { byName, poll, waitForBadge, waitForPapers, type Tab } from '../support/driver';
import {
  cardText,
  shownIds,
  toggleSave,
  waitCount,
  waitPressed,
  waitText,
  openOrderAndFilters,
} from '../support/steps';

const DAY = utcDay(-1);

const withCode = (items: DailyItem[]): DailyItem[] =>
  items.map((it, i) => {
    const { githubRepo: _r, githubStars: _s, ...paper } = it.paper;
    return { ...it, paper: i % 2 ? { ...paper, githubRepo: `https://github.com/stand-in/repo-${i}` } : paper };
  });
const all = withCode(makeDay(DAY, 9));
const first = all.slice(0, 6);

const { hf, driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, first), badge: '6' });

async function newTab(count: number): Promise<Tab> {
  const tab = await driver.openExtensionPage('newtab.html');
  await waitForPapers(tab, count);
  return tab;
}
const refresh = () => driver.fireAlarm('papertab-refresh', 30);

describe('badge, trending, code and artifacts in the built extension', () => {
  it('papers added to a day already seen reach the badge; an upvote change does not; opening the new tab clears it', async () => {
    let tab = await newTab(6);
    await waitForBadge(driver, '');
    await tab.close();

    // By evening: three more papers on the same day, and the first one got 40 more upvotes.
    const bumped = { ...first[0]!, paper: { ...first[0]!.paper, upvotes: first[0]!.paper.upvotes + 40 } };
    hf.addToDay(DAY, [bumped, ...all.slice(6)]);
    await refresh();
    await waitForBadge(driver, '3');

    tab = await newTab(9);
    await waitForBadge(driver, '');
    await tab.close();
  });

  it("Trending shows Hugging Face's order and says when it was fetched", async () => {
    const order = [4, 7, 0, 8, 2, 1, 6, 3, 5].map((i) => all[i]!.paper.id);
    hf.setTrending(order);
    const tab = await newTab(9);
    await openOrderAndFilters(tab);
    const trending = await byName(tab, 'button', 'Trending');
    await tab.click(trending);
    await waitPressed(tab, trending, true);
    await poll(
      () => shownIds(tab),
      'the trending order',
      (ids) => ids.join() === order.join(),
    );
    await waitText(tab, /Trending as of /);
    expect(hf.requests.some((r) => r.path.includes('sort=trending') && r.path.includes(`date=${DAY}`))).toBe(true);
    await tab.click(await byName(tab, 'button', 'Most upvoted'));
    await waitPressed(tab, trending, false);
    await tab.close();
  });

  it('With code shows only papers that link a repository', async () => {
    const tab = await newTab(9);
    await openOrderAndFilters(tab);
    const toggle = await byName(tab, 'button', 'With code');
    await tab.click(toggle);
    await waitPressed(tab, toggle, true);
    const coded = all
      .filter((it) => it.paper.githubRepo)
      .map((it) => it.paper.id)
      .sort();
    await poll(
      async () => (await shownIds(tab)).sort(),
      'only papers with code',
      (ids) => ids.join() === coded.join(),
    );
    await tab.click(toggle);
    await waitCount(tab, 9);
    await tab.close();
  });

  it('a saved paper shows "Code released" once its repo appears, and the models, datasets and Spaces citing it', async () => {
    const paper = all[2]!.paper; // no code yet
    const tab = await newTab(9);
    await toggleSave(tab, paper.title);
    await tab.close();

    hf.setRepos(paper.id, {
      models: [{ id: 'stand-in/model-a', likes: 3 }],
      datasets: [{ id: 'stand-in/data-a' }],
      spaces: [{ id: 'stand-in/demo-a' }, { id: 'javascript:alert(1)' }],
    });
    hf.addToDay(DAY, [{ ...all[2]!, paper: { ...paper, githubRepo: 'https://github.com/stand-in/released' } }]);
    await refresh();

    const list = await driver.openExtensionPage('reading-list.html');
    await poll(
      () => cardText(list, paper.title),
      'Code released on the card',
      (t) => t.includes('Code released'),
    );
    const hub = () =>
      list.evaluate(
        (title) =>
          [
            ...([...document.querySelectorAll('article')]
              .find((a) => a.querySelector('h2, h3')?.textContent?.trim() === title)
              ?.querySelectorAll('a') ?? []),
          ]
            .map((a) => a.getAttribute('href') ?? '')
            .filter((h) => /^https:\/\/huggingface\.co\/(datasets\/|spaces\/)?stand-in\//.test(h)),
        paper.title,
      );
    const expected = [
      'https://huggingface.co/stand-in/model-a',
      'https://huggingface.co/datasets/stand-in/data-a',
      'https://huggingface.co/spaces/stand-in/demo-a',
    ];
    await poll(hub, 'the artifacts linked', (links) => links.join() === expected.join());
    expect(hf.requests.filter((r) => r.path === `/api/arxiv/${paper.id}/repos`)).toHaveLength(1);
    await list.close();
  });
});

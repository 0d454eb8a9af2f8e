import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDay, utcDay, type DailyItem } from '../fixtures/papers';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { fireRefreshAlarm, waitForBadge, waitForPapers, openOrderAndFilters } from '../support/e2e';

/**
 * The badge counts papers (a day already seen that grows counts again), Trending shows Hugging
 * Face's order, With code filters, and a saved paper shows its code release and artifacts.
 * Yesterday starts with 6 papers: even ones without code, odd ones with it.
 */
let hf: StandIn;
let ext: ExtensionSession;
const DAY = utcDay(-1);

const withCode = (items: DailyItem[]): DailyItem[] =>
  items.map((it, i) => {
    const { githubRepo: _r, githubStars: _s, ...paper } = it.paper;
    return { ...it, paper: i % 2 ? { ...paper, githubRepo: `https://github.com/stand-in/repo-${i}` } : paper };
  });
const all = withCode(makeDay(DAY, 9));
const first = all.slice(0, 6);

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAY, first);
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '6');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

const shownIds = (page: Page) =>
  page.locator('main article').evaluateAll((els) => els.map((e) => e.getAttribute('data-paper-id') ?? ''));

async function newTab(count: number): Promise<Page> {
  const page = await ext.page('newtab.html');
  await waitForPapers(page, count);
  return page;
}

describe('badge, trending, code and artifacts in the built extension', () => {
  it('papers added to a day already seen reach the badge; an upvote change does not; opening the new tab clears it', async () => {
    let page = await newTab(6);
    await waitForBadge(ext, '');
    await page.close();

    // By evening: three more papers on the same day, and the first one got 40 more upvotes.
    const bumped = { ...first[0]!, paper: { ...first[0]!.paper, upvotes: first[0]!.paper.upvotes + 40 } };
    hf.addToDay(DAY, [bumped, ...all.slice(6)]);
    await fireRefreshAlarm(ext);
    await waitForBadge(ext, '3');

    page = await newTab(9);
    await waitForBadge(ext, '');
    await page.close();
  });

  it("Trending shows Hugging Face's order and says when it was fetched", async () => {
    const order = [4, 7, 0, 8, 2, 1, 6, 3, 5].map((i) => all[i]!.paper.id);
    hf.setTrending(order);
    const page = await newTab(9);
    await openOrderAndFilters(page);
    const trending = page.getByRole('button', { name: 'Trending', exact: true });
    await trending.click();
    await expect.poll(() => trending.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => shownIds(page), { timeout: 15_000 }).toEqual(order);
    expect(await page.getByText(/^Trending as of /).count()).toBe(1);
    expect(hf.requests.some((r) => r.path.includes('sort=trending') && r.path.includes(`date=${DAY}`))).toBe(true);
    await page.getByRole('button', { name: 'Most upvoted', exact: true }).click();
    await expect.poll(() => trending.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('With code shows only papers that link a repository', async () => {
    const page = await newTab(9);
    await openOrderAndFilters(page);
    const toggle = page.getByRole('button', { name: 'With code', exact: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const coded = all.filter((it) => it.paper.githubRepo).map((it) => it.paper.id);
    await expect.poll(async () => (await shownIds(page)).sort()).toEqual([...coded].sort());
    await toggle.click();
    await expect.poll(() => page.getByRole('article').count()).toBe(9);
    await page.close();
  });

  it('a saved paper shows "Code released" once its repo appears, and the models, datasets and Spaces citing it', async () => {
    const paper = all[2]!.paper; // no code yet
    const page = await newTab(9);
    const save = page.getByRole('article', { name: paper.title }).getByRole('button', { name: 'Save' });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await page.close();

    hf.setRepos(paper.id, {
      models: [{ id: 'stand-in/model-a', likes: 3 }],
      datasets: [{ id: 'stand-in/data-a' }],
      spaces: [{ id: 'stand-in/demo-a' }, { id: 'javascript:alert(1)' }],
    });
    hf.addToDay(DAY, [{ ...all[2]!, paper: { ...paper, githubRepo: 'https://github.com/stand-in/released' } }]);
    await fireRefreshAlarm(ext);

    const list = await ext.page('reading-list.html');
    const card = list.getByRole('article', { name: paper.title });
    await card.getByText('Code released').waitFor({ timeout: 20_000 });
    const hub = () =>
      card
        .getByRole('link')
        .evaluateAll((as) =>
          as
            .map((a) => a.getAttribute('href') ?? '')
            .filter((h) => /^https:\/\/huggingface\.co\/(datasets\/|spaces\/)?stand-in\//.test(h)),
        );
    await expect
      .poll(hub, { timeout: 20_000 })
      .toEqual([
        'https://huggingface.co/stand-in/model-a',
        'https://huggingface.co/datasets/stand-in/data-a',
        'https://huggingface.co/spaces/stand-in/demo-a',
      ]);
    expect(hf.requests.filter((r) => r.path === `/api/arxiv/${paper.id}/repos`)).toHaveLength(1);
    await list.close();
  });
});

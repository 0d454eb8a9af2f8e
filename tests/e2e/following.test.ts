import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDailyItem, makeDay, utcDay, type DailyItem, type PaperAuthor } from '../fixtures/papers';
import { hubAccount } from '../fixtures/hf-following';
import { launchExtension, type ExtensionSession } from '../support/extension';
import { startStandIn, type StandIn } from '../support/standin';
import { shownTitles, waitForBadge, waitForPapers } from '../support/e2e';

/**
 * Following, in the built extension: follow an author from a card, see their papers in the
 * Following view (newest first); set a Hugging Face username in the options and see the papers of
 * the accounts it follows there too (the stand-in answers /api/users/<u>/following).
 */
let hf: StandIn;
let ext: ExtensionSession;
const DAYS = [utcDay(-1), utcDay(-2), utcDay(-3)];

const linked = (name: string, user: string): PaperAuthor => ({
  _id: '0123456789abcdef01234567',
  name,
  hidden: false,
  user: {
    _id: '76543210fedcba9876543210',
    user,
    fullname: name,
    avatarUrl: '/avatars/x.svg',
    isPro: false,
    type: 'user',
  },
});
const plain = (name: string): PaperAuthor => ({ _id: '0123456789abcdef0123456a', name, hidden: false });

/** A paper by `authors` on `date`, with a title that says so; a larger `n` has a later arXiv time. */
function paperBy(date: string, n: number, title: string, authors: PaperAuthor[], org?: string): DailyItem {
  const id = `${date.slice(2, 4)}${date.slice(5, 7)}.${String(90_000 + Number(date.slice(8)) * 10 + n)}`;
  return makeDailyItem(id, date, {
    title,
    paper: {
      title,
      authors,
      publishedAt: `${utcDay(-10)}T0${n}:00:00.000Z`,
      ...(org && {
        organization: { _id: 'abcdefabcdefabcdefabcdef', name: org, fullname: 'Deep Org', avatar: '/a.png' },
      }),
    },
  });
}

const MIRA = DAYS.map((d, i) =>
  paperBy(d, 1, `Mira paper ${i + 1}`, [plain('Jo Park'), linked('Mira Okafor', 'miraokafor')]),
);
const KENJI = [
  paperBy(DAYS[0]!, 2, 'Kenji paper 1', [linked('Kenji Sato', 'kenji-sato')]),
  paperBy(DAYS[2]!, 2, 'Kenji paper 2', [plain('Kenji Sato')]),
];
const ORG = paperBy(DAYS[1]!, 3, 'Deep Org paper', [plain('Nobody Followed')], 'deep-org');

beforeAll(async () => {
  hf = await startStandIn();
  hf.setDay(DAYS[0]!, [...makeDay(DAYS[0]!, 3), MIRA[0]!, KENJI[0]!]);
  hf.setDay(DAYS[1]!, [...makeDay(DAYS[1]!, 3), MIRA[1]!, ORG]);
  hf.setDay(DAYS[2]!, [...makeDay(DAYS[2]!, 3), MIRA[2]!, KENJI[1]!]);
  hf.setFollowing('ada-l', [hubAccount('kenji-sato', 'Kenji Sato'), hubAccount('deep-org', 'Deep Org', 'org')]);
  ext = await launchExtension({ port: hf.port });
  await waitForBadge(ext, '5');
});
afterAll(async () => {
  await ext?.close();
  await hf?.close();
});

async function followingView(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Days' }).getByRole('button', { name: 'Following' }).click();
  await page.getByRole('heading', { level: 1, name: /Following/ }).waitFor();
}

describe('following', () => {
  it('follow an author from a card; the Following view lists their papers, newest first', async () => {
    const page = await ext.page('newtab.html');
    await waitForPapers(page, 5);
    await followingView(page);
    expect(page.url()).toMatch(/#\/following$/);
    await page.getByText('You follow no one yet.', { exact: false }).waitFor();
    await page.goBack();
    await waitForPapers(page, 5);

    const card = page.getByRole('article', { name: 'Mira paper 1' });
    await card.getByRole('button', { name: /^More actions/ }).click();
    await card.getByRole('menuitem', { name: 'Follow…' }).click();
    const toggle = card.getByRole('button', { name: 'Follow Mira Okafor' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // The co-author is not followed.
    expect(await card.getByRole('button', { name: 'Follow Jo Park' }).getAttribute('aria-pressed')).toBe('false');

    await followingView(page);
    await expect.poll(() => shownTitles(page)).toEqual(['Mira paper 1', 'Mira paper 2', 'Mira paper 3']);
    await page.close();
  });

  it('a Hugging Face username in the options: the accounts it follows count, their papers join Following', async () => {
    const options = await ext.page('options.html');
    const field = options.getByRole('textbox', { name: 'Hugging Face username' });
    // Not a username: a clear message, nothing saved, nothing asked.
    await field.fill('not a user');
    await field.press('Enter');
    await options.getByText('is not a Hugging Face username', { exact: false }).waitFor();
    // A user Hugging Face does not know: the background asks, and says so.
    await field.fill('ghost');
    await field.press('Enter');
    await options.getByText('Hugging Face has no user named “ghost”', { exact: false }).waitFor();

    await field.fill('ada-l');
    await field.press('Enter');
    await options.getByText('Following the 2 accounts ada-l follows', { exact: false }).waitFor();
    const asked = await hf.waitForRequest((r) => r.path === '/api/users/ada-l/following');
    expect(asked.host).toBe('huggingface.co');
    expect(hf.requests.some((r) => r.path.startsWith('/api/users/not'))).toBe(false);

    // Newest day first; within a day, the newest arXiv date first.
    const page = await ext.page('newtab.html#/following');
    await expect
      .poll(() => shownTitles(page))
      .toEqual(['Kenji paper 1', 'Mira paper 1', 'Deep Org paper', 'Mira paper 2', 'Kenji paper 2', 'Mira paper 3']);

    // Clearing the username drops those accounts at once.
    await field.fill('');
    await field.press('Enter');
    await expect.poll(() => shownTitles(page)).toEqual(['Mira paper 1', 'Mira paper 2', 'Mira paper 3']);
    await page.close();
    await options.close();
  });
});

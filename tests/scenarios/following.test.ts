/**
 * Following, in the built extension, in both browsers: follow an author from a card, see their
 * papers in the Following view (newest first); set a Hugging Face username in the options and see
 * the papers of the accounts it follows there too (the stand-in answers /api/users/<u>/following).
 */
import { describe, expect, it } from 'vitest';
import { makeDailyItem, makeDay, utcDay, type DailyItem, type PaperAuthor } from '../fixtures/papers';
import { hubAccount } from '../fixtures/hf-following';
import { scenarioWorld } from '../support/scenario-world';
import { back, byName, waitForPapers, waitIn, type Tab } from '../support/driver';
import {
  cardAction,
  cardControl,
  field,
  fill,
  pressedState,
  waitPressed,
  waitText,
  waitTitles,
} from '../support/steps';

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

const { hf, driver } = scenarioWorld({
  serve: (hf) => {
    hf.setDay(DAYS[0]!, [...makeDay(DAYS[0]!, 3), MIRA[0]!, KENJI[0]!]);
    hf.setDay(DAYS[1]!, [...makeDay(DAYS[1]!, 3), MIRA[1]!, ORG]);
    hf.setDay(DAYS[2]!, [...makeDay(DAYS[2]!, 3), MIRA[2]!, KENJI[1]!]);
    hf.setFollowing('ada-l', [hubAccount('kenji-sato', 'Kenji Sato'), hubAccount('deep-org', 'Deep Org', 'org')]);
  },
  badge: '5',
});

async function followingView(tab: Tab): Promise<void> {
  await tab.click(await byName(tab, 'nav button', 'Following'));
  await waitIn(tab, 'the Following view', () => /Following/.test(document.querySelector('h1')?.textContent ?? ''));
}

const titlesAre = (tab: Tab, expected: string[]) =>
  waitTitles(tab, expected.join(', '), (titles) => titles.join('|') === expected.join('|'));

describe('following', () => {
  it('follow an author from a card; the Following view lists their papers, newest first', async () => {
    const tab = await driver.openExtensionPage('newtab.html');
    await waitForPapers(tab, 5);
    await followingView(tab);
    expect(await tab.url()).toMatch(/#\/following$/);
    await waitText(tab, 'You follow no one yet.');
    await back(tab);
    await waitForPapers(tab, 5);

    await cardAction(tab, 'Mira paper 1', 'Follow…');
    const toggle = await cardControl(tab, 'Mira paper 1', 'Follow Mira Okafor');
    expect(await pressedState(tab, toggle)).toBe('false');
    await tab.click(toggle);
    await waitPressed(tab, toggle, true);
    // The co-author is not followed.
    expect(await pressedState(tab, await cardControl(tab, 'Mira paper 1', 'Follow Jo Park'))).toBe('false');

    await followingView(tab);
    await titlesAre(tab, ['Mira paper 1', 'Mira paper 2', 'Mira paper 3']);
    await tab.close();
  });

  it('a Hugging Face username in the options: the accounts it follows count, their papers join Following', async () => {
    const options = await driver.openExtensionPage('options.html');
    const username = await field(options, 'Hugging Face username');
    const submit = async (text: string) => {
      await fill(options, username, text);
      await options.press('Enter');
    };
    // Not a username: a clear message, nothing saved, nothing asked.
    await submit('not a user');
    await waitText(options, 'is not a Hugging Face username');
    // A user Hugging Face does not know: the background asks, and says so.
    await submit('ghost');
    await waitText(options, 'Hugging Face has no user named “ghost”');

    await submit('ada-l');
    await waitText(options, 'Following the 2 accounts ada-l follows');
    const asked = await hf.waitForRequest((r) => r.path === '/api/users/ada-l/following');
    expect(asked.host).toBe('huggingface.co');
    expect(hf.requests.some((r) => r.path.startsWith('/api/users/not'))).toBe(false);

    // Newest day first; within a day, the newest arXiv date first.
    const tab = await driver.openExtensionPage('newtab.html#/following');
    await titlesAre(tab, [
      'Kenji paper 1',
      'Mira paper 1',
      'Deep Org paper',
      'Mira paper 2',
      'Kenji paper 2',
      'Mira paper 3',
    ]);

    // Clearing the username drops those accounts at once.
    await submit('');
    await titlesAre(tab, ['Mira paper 1', 'Mira paper 2', 'Mira paper 3']);
    await tab.close();
    await options.close();
  });
});

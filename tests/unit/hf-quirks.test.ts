import { describe, expect, it } from 'vitest';
import { featuredDay, parseDailyItems, parsePaper } from '@/lib/hf/hf-schema';
import { fetchDailyPapers } from '@/lib/hf/hf-api';
import { ERA_2024, ERA_2025, ERA_2026 } from '../fixtures/hf-eras';

const AT = Date.parse('2026-11-30T09:00:00Z');

describe('real payload quirks: what the feed sent in each era', () => {
  it('a submitter without `name` (2025) is kept by their account name, with their full name', () => {
    const [paper] = parseDailyItems(ERA_2025, '2025-06-25', AT).items;
    expect(paper?.submittedBy).toMatchObject({ name: 'zhouwen', fullname: 'Zhou Wen' });
    // The flat paper (a save's lookup) too.
    expect(parsePaper(ERA_2025[0]!.paper, AT)?.submittedBy).toMatchObject({ name: 'zhouwen' });
  });

  it('a submitter with only a full name is kept by it', () => {
    const paper = { ...ERA_2025[0]!.paper, submittedOnDailyBy: { _id: 'x', fullname: 'Zhou Wen' } };
    expect(parsePaper(paper, AT)?.submittedBy?.name).toBe('Zhou Wen');
  });

  it('an item without `paper.submittedOnDailyAt` (2024) is filed under the day asked for', () => {
    const { items, dropped } = parseDailyItems(ERA_2024, '2024-05-27', AT);
    expect(dropped).toBe(0);
    expect(items.map((p) => p.day)).toEqual(['2024-05-27', '2024-05-27']);
  });

  it('in a week or month listing, such an item takes the day it entered the feed', () => {
    const { items } = parseDailyItems(ERA_2024, featuredDay, AT);
    expect(items.map((p) => p.day)).toEqual(['2024-05-27', '2024-05-27']);
  });

  it('a month fetched whole files 2024 items under their day, not under none', async () => {
    const fake = (async (url: string) =>
      new Response(JSON.stringify(new URL(url).searchParams.get('p') === '0' ? ERA_2024 : []), {
        status: 200,
      })) as unknown as typeof fetch;
    const { papers } = await fetchDailyPapers({ month: '2024-05' }, { fetch: fake, now: () => AT });
    expect(papers.map((p) => p.day)).toEqual(['2024-05-27', '2024-05-27']);
  });

  it('keeps the title whose TeX survives only in `item.title`', () => {
    const { items } = parseDailyItems(ERA_2024, '2024-05-27', AT);
    expect(items.map((p) => p.title)).toEqual([
      'TinyCoder: Teaching Small Code Models with \\textsc{AIEV-Instruct}',
      '$\\nabla^2$DFT: Neural Operators for Quantum Chemistry',
    ]);
  });

  it("otherwise keeps the paper's own title (on one line)", () => {
    const [paper] = parseDailyItems(ERA_2026, '2026-08-21', AT).items;
    expect(paper?.title).toBe('EnvKit: Reshaping Static Worlds for Agents');
  });

  it("keeps the authors' Hub accounts where linked, by position", () => {
    const [first, second] = parseDailyItems(ERA_2024, '2024-05-27', AT).items;
    expect(first?.authors).toEqual(['Mira Okafor', 'Tomás Ribeiro', 'Hidden Author']);
    expect(first?.authorUsers).toEqual(['miraokafor', '', '']);
    expect(second && Object.hasOwn(second, 'authorUsers')).toBe(false);
  });

  it('drops an account name that is not one (never put in a link or a match)', () => {
    const item = structuredClone(ERA_2024[0]!) as unknown as { paper: { authors: { user: { user: string } }[] } };
    item.paper.authors[0]!.user.user = '../../evil name';
    const [paper] = parseDailyItems([item], '2024-05-27', AT).items;
    expect(paper?.authors[0]).toBe('Mira Okafor');
    expect(paper && Object.hasOwn(paper, 'authorUsers')).toBe(false);
  });

  it('keeps the organization by its Hub name (2026) and drops empty AI keywords (2025)', () => {
    expect(parseDailyItems(ERA_2026, '2026-08-21', AT).items[0]?.organization).toMatchObject({
      name: 'google',
      fullname: 'Google',
    });
    expect(parseDailyItems(ERA_2025, '2025-06-25', AT).items[0]?.aiKeywords).toEqual([]);
  });
});

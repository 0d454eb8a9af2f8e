// Real cases of the feed (issue 21), each with a fixture shaped like the real payload
// (tests/fixtures/hf-eras.ts): what the user sees and what is stored.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperCard } from '@/components/shared/PaperCard';
import { parseDailyItems } from '@/lib/hf/hf-schema';
import { storeDay } from '@/lib/store/papers';
import { createDb, type PapertabDB } from '@/lib/store/db';
import { ERA_2024, ERA_2025_AUTUMN } from '../fixtures/hf-eras';

const AT = Date.parse('2026-11-30T09:00:00Z');

let db: PapertabDB;
let n = 0;
beforeEach(async () => {
  db = createDb(`real-payloads-${n++}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('organization from the submitter (items of 2025-09-29 to 2025-10-02)', () => {
  it('is stored and shown on the card when the paper names none', async () => {
    const { items } = parseDailyItems(ERA_2025_AUTUMN, '2025-09-29', AT);
    await storeDay(db, '2025-09-29', items, 0, AT);
    const stored = await db.papers.bulkGet(['2509.22622', '2509.22637', '2509.21679']);
    expect(stored.map((p) => p?.organization?.fullname)).toEqual(['NVIDIA', 'Sea AI Lab', 'KAIST AI']);
    expect(stored[0]?.organization).toMatchObject({ name: 'nvidia' });
    render(<PaperCard paper={stored[1]!} saved={false} onToggleSave={() => {}} />);
    expect(screen.getByText('Sea AI Lab')).toBeTruthy();
  });

  it("never replaces the paper's own organization", () => {
    const item = structuredClone(ERA_2025_AUTUMN[0]!) as Record<string, unknown> & { paper: object };
    item.paper = { ...item.paper, organization: { _id: 'x', name: 'nvlabs', fullname: 'NVlabs' } };
    expect(parseDailyItems([item], '2025-09-29', AT).items[0]?.organization?.fullname).toBe('NVlabs');
  });
});

describe('old thumbnails (items of 2024-05-27 to 2024-06-11)', () => {
  it('are taken from `item.mediaUrl`, stored and shown on the card', async () => {
    const { items } = parseDailyItems(ERA_2024, '2024-05-27', AT);
    await storeDay(db, '2024-05-27', items, 0, AT);
    const stored = await db.papers.get('2405.15001');
    expect(stored?.thumbnail).toBe('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.15001.png');
    const { container } = render(<PaperCard paper={stored!} saved={false} onToggleSave={() => {}} />);
    expect(container.querySelector('img')?.getAttribute('src')).toBe(stored?.thumbnail);
  });

  it('are checked like any thumbnail: only https images from Hugging Face', () => {
    const item = (mediaUrl: string) => ({ ...ERA_2024[0]!, mediaUrl });
    const bad = ['javascript:alert(1)', 'http://cdn-thumbnails.huggingface.co/a.png', 'https://evil.example/a.png'];
    for (const url of bad) expect(parseDailyItems([item(url)], '2024-05-27', AT).items[0]?.thumbnail).toBeUndefined();
  });
});

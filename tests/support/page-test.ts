/** Shared set-up for component tests of a whole page: a fixed clock, empty storage, a seeded database. */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { db } from '@/lib/store/db';

/** Before each test: `Date` at `now`, localStorage and every table emptied, then `seed()`. After: all undone. */
export function pageTestSetup(now: number, seed: () => Promise<void>, before?: () => void): void {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    localStorage.clear();
    before?.();
    await Promise.all(db().tables.map((t) => t.clear()));
    await seed();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

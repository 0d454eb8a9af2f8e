/** An in-memory Hugging Face for unit tests: a `fetch` that serves days and faults, and logs requests. */
import { isoWeek } from '@/lib/core/dates';
import type { DailyItem } from '../fixtures/papers';

export type FakeFault =
  { kind: 'status'; status: number; headers?: Record<string, string> } | { kind: 'garbage' } | { kind: 'network' };

export class FakeHf {
  days = new Map<string, DailyItem[]>();
  /** Papers served flat by id at `/api/papers/<id>` (the shape of `DailyItem['paper']`). */
  papers = new Map<string, DailyItem['paper']>();
  requests: string[] = [];
  /** Hugging Face's trending order (ids) served for `sort=trending`; other papers follow in listing order. */
  trending: string[] = [];
  /** Answers of `/api/arxiv/<id>/repos` (any JSON: tests send malformed ones too); unknown ids answer 404. */
  repos = new Map<string, unknown>();
  /** A fault for request URLs matching `match` (all when undefined). */
  fault?: { fault: FakeFault; match?: RegExp };

  fetch: typeof fetch = async (input) => {
    const url = new URL(String(input));
    this.requests.push(url.href);
    const f = this.fault;
    if (f && (!f.match || f.match.test(url.href))) {
      if (f.fault.kind === 'network') throw new TypeError('Failed to fetch');
      if (f.fault.kind === 'garbage') return new Response('{"oops": <not json', { status: 200 });
      return new Response('{}', { status: f.fault.status, headers: f.fault.headers });
    }
    if (url.pathname === '/api/daily_papers') {
      const p = Number(url.searchParams.get('p') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      let listed = this.listing(url.searchParams);
      if (url.searchParams.get('sort') === 'trending') {
        const rank = (i: DailyItem) => {
          const at = this.trending.indexOf(i.paper.id);
          return at < 0 ? Number.MAX_SAFE_INTEGER : at;
        };
        listed = [...listed].sort((a, b) => rank(a) - rank(b));
      }
      const items = listed.slice(p * limit, (p + 1) * limit);
      return Response.json(items);
    }
    if (url.pathname === '/api/papers/search') {
      // Items of every cached day whose title has the query, as the search endpoint lists them.
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      return Response.json([...this.days.values()].flat().filter((i) => i.paper.title.toLowerCase().includes(q)));
    }
    const repos = /^\/api\/arxiv\/([^/]+)\/repos$/.exec(url.pathname);
    if (repos && this.repos.has(decodeURIComponent(repos[1]!)))
      return Response.json(this.repos.get(decodeURIComponent(repos[1]!)));
    const paper = /^\/api\/papers\/([^/]+)$/.exec(url.pathname);
    const known = paper && this.papers.get(decodeURIComponent(paper[1]!));
    if (known) return Response.json({ ...known, numComments: 0 });
    return new Response('{"error":"Not found"}', { status: 404 });
  };

  /**
   * A `date=` answer is that day's items; a `week=` or `month=` answer is the items of every day in it,
   * newest day first, as Hugging Face lists them (with no day named per item: only timestamps).
   */
  private listing(params: URLSearchParams): DailyItem[] {
    const week = params.get('week');
    const month = params.get('month');
    if (week === null && month === null) return this.days.get(params.get('date') ?? '') ?? [];
    const inRange = (day: string) => (week !== null ? isoWeek(day) === week : day.startsWith(`${month}-`));
    return [...this.days.keys()]
      .filter(inRange)
      .sort()
      .reverse()
      .flatMap((day) => this.days.get(day) ?? []);
  }

  /** Requested `date=` values, in order. */
  requestedDays(): string[] {
    return this.requests.map((r) => new URL(r).searchParams.get('date') ?? '');
  }
}

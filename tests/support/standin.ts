// A local HTTPS server standing in for huggingface.co and arxiv.org (routed by Host header), and for
// the other hosts a test names: Hugging Face's image CDNs (IMAGE_HOSTS, answered with sample
// pictures), github.com and *.github.io (a plain page naming the address: the papers' code and
// project pages). Chromium reaches it through --host-resolver-rules (see extension.ts), Firefox
// through network.dns.localDomains (firefox.ts); Node tests can call it directly on
// https://127.0.0.1:<port> (treated as huggingface.co) with certificate checks off.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DailyItem } from '../fixtures/papers';
import { IMAGE_HOSTS, sampleImage } from './sample-images';

export type Fault =
  | { kind: '500' }
  | { kind: 'garbage' }
  | { kind: '429'; retryAfterSeconds?: number; rateLimitResetSeconds?: number }
  | { kind: 'hang' }
  | { kind: 'down' /* destroy socket immediately */ };

export interface StandInRequest {
  host: string;
  method: string;
  /** path + query, as sent */
  path: string;
  /** Date.now() when the request arrived */
  at: number;
}

export interface StandIn {
  port: number;
  /** Items served by /api/daily_papers for that day (and its week/month), in the given order. Replaces any earlier value. */
  setDay(date: string, items: DailyItem[]): void;
  /** Adds items to a day already served (Hugging Face publishes a day gradually); an item with a known id replaces it. */
  addToDay(date: string, items: DailyItem[]): void;
  /** The order `sort=trending` answers with (ids; others follow by upvotes). Unset: by upvotes. */
  setTrending(ids: string[]): void;
  /** The answer of `/api/arxiv/<id>/repos` (any JSON). Unset ids answer `{models:[],datasets:[],spaces:[]}`. */
  setRepos(id: string, body: unknown): void;
  /** Extra (or overriding) entries for /api/papers/<id>, /papers/<id> and arxiv /abs/<id>. */
  setPaper(paper: object): void;
  /** The accounts /api/users/<username>/following lists (user objects as the Hub sends them); an unknown user answers 404. */
  setFollowing(username: string, accounts: object[]): void;
  /** One fault at a time; applies to /api/* requests whose path+query matches `match` (default: all /api/). null clears it. */
  setFault(fault: Fault | null, match?: RegExp): void;
  /** Ends (destroys) every request currently held by a 'hang' fault. */
  releaseHangs(): void;
  /** Every request received, in order. Clear with `requests.length = 0`. */
  requests: StandInRequest[];
  /** Resolves with the first request, already logged or future, that satisfies `pred`. Default timeout 10 s. */
  waitForRequest(pred: (r: StandInRequest) => boolean, timeoutMs?: number): Promise<StandInRequest>;
  close(): Promise<void>;
}

const run = promisify(execFile);

let certPromise: Promise<{ key: Buffer; cert: Buffer }> | undefined;

/** Self-signed certificate for huggingface.co + arxiv.org, made once per process with the openssl CLI (kept in memory). */
function certificate(): Promise<{ key: Buffer; cert: Buffer }> {
  certPromise ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'papertab-standin-'));
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=huggingface.co',
      '-addext',
      'subjectAltName=DNS:huggingface.co,DNS:*.huggingface.co,DNS:arxiv.org,DNS:www.arxiv.org,DNS:github.com,DNS:*.github.io,DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ]);
    try {
      return { key: await readFile(keyPath), cert: await readFile(certPath) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  certPromise.catch(() => (certPromise = undefined));
  return certPromise;
}

// --- dates ----------------------------------------------------------------------------------

function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** ISO-8601 week of a YYYY-MM-DD date, as "YYYY-Www". */
function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = d.getUTCDay() || 7; // Mon=1..Sun=7
  d.setUTCDate(d.getUTCDate() + 4 - dow); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function isValidWeek(s: string): boolean {
  const m = /^(\d{4})-W(\d{2})$/.exec(s);
  if (!m) return false;
  const week = Number(m[2]);
  if (week < 1) return false;
  // Dec 28 is always in the last ISO week of its year.
  const last = Number(isoWeekOf(`${m[1]}-12-28`).slice(6));
  return week <= last;
}

function isValidMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

// --- HTML -----------------------------------------------------------------------------------

function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PaperLike {
  id: string;
  title?: unknown;
  summary?: unknown;
  authors?: unknown;
  publishedAt?: unknown;
}

function authorNames(p: PaperLike): string[] {
  if (!Array.isArray(p.authors)) return [];
  return p.authors
    .map((a: unknown) => (a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : ''))
    .filter(Boolean);
}

/**
 * A Hugging Face paper page. Like the real one it changes paper without a page load: a click on a
 * "Similar papers" link fetches that paper from /api/papers/<id>, rebuilds the section (a new h1
 * element) and calls `history.pushState`; Back rebuilds it again from the URL.
 */
function hfPaperPage(p: PaperLike, related: PaperLike[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Paper page - ${esc(p.title)}</title>
<meta property="og:title" content="Paper page - ${esc(p.title)}"></head>
<body><main>
<section class="pt-8 border-gray-100 md:col-span-7 pb-24 relative">
<h1 class="mb-2 text-2xl font-semibold">${esc(p.title)}</h1>
<div class="authors">${authorNames(p)
    .map((n) => `<span class="author">${esc(n)}</span>`)
    .join(', ')}</div>
<h2>Abstract</h2>
<p class="text-gray-600">${esc(p.summary)}</p>
<a href="https://arxiv.org/abs/${esc(p.id)}">View arXiv page</a>
</section>
<aside><h2>Similar papers</h2><ul>${related
    .map((r) => `<li><a class="spa" href="/papers/${esc(r.id)}">${esc(r.title)}</a></li>`)
    .join('')}</ul></aside>
</main>
<script>
(() => {
  const section = document.querySelector('main section');
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  async function show(id) {
    const paper = await (await fetch('/api/papers/' + encodeURIComponent(id))).json();
    const names = (paper.authors || []).map((a) => '<span class="author">' + esc(a.name) + '</span>').join(', ');
    section.innerHTML = '<h1 class="mb-2 text-2xl font-semibold">' + esc(paper.title) + '</h1>' +
      '<div class="authors">' + names + '</div><h2>Abstract</h2><p class="text-gray-600">' + esc(paper.summary) +
      '</p><a href="https://arxiv.org/abs/' + esc(paper.id) + '">View arXiv page</a>';
    document.title = 'Paper page - ' + paper.title;
  }
  document.addEventListener('click', async (e) => {
    const link = e.target.closest && e.target.closest('a.spa');
    if (!link) return;
    e.preventDefault();
    const id = link.getAttribute('href').slice('/papers/'.length);
    await show(id);
    history.pushState({ id }, '', '/papers/' + id);
  });
  addEventListener('popstate', () => show(decodeURIComponent(location.pathname.slice('/papers/'.length))));
})();
</script>
</body></html>`;
}

/** "Ada Lovelace" -> "Lovelace, Ada", as arXiv writes citation_author. */
function citationName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name;
  const last = parts.pop() as string;
  return `${last}, ${parts.join(' ')}`;
}

/** arXiv's HTML rendering (LaTeXML), as arxiv.org/html/<id> serves it: no citation tags. */
function arxivHtmlPage(baseId: string, p: PaperLike): string {
  const names = authorNames(p);
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${esc(p.title)}</title></head>
<body>
<header class="desktop_header"><a href="https://arxiv.org/abs/${esc(baseId)}">Back to abstract page</a></header>
<div class="ltx_page_main"><div class="ltx_page_content"><article class="ltx_document ltx_authors_1line">
<h1 class="ltx_title ltx_title_document">${esc(p.title)}</h1>
<div class="ltx_authors">
${names
  .map(
    (n, i) =>
      `<span class="ltx_creator ltx_role_author"><span class="ltx_personname">${esc(n)}<sup class="ltx_sup">${i + 1}</sup><br class="ltx_break">Stand-in University</span></span>`,
  )
  .join('\n<span class="ltx_author_before">  </span>')}
</div>
<div class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6>
<p class="ltx_p">${esc(p.summary)}</p></div>
<section class="ltx_section"><h2 class="ltx_title ltx_title_section">1 Introduction</h2><p class="ltx_p">…</p></section>
</article></div></div></body></html>`;
}

function arxivAbsPage(requestedId: string, baseId: string, p: PaperLike): string {
  const published =
    typeof p.publishedAt === 'string' && !Number.isNaN(Date.parse(p.publishedAt))
      ? new Date(p.publishedAt)
      : new Date(Date.UTC(2024, 0, 1));
  const citationDate = published.toISOString().slice(0, 10).replace(/-/g, '/');
  const dateline = published.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const version = /v\d+$/.exec(requestedId)?.[0] ?? 'v1';
  const vid = baseId + version;
  const names = authorNames(p);
  const archive = baseId.includes('/') ? baseId.split('/')[0] : 'cs';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>[${esc(baseId)}] ${esc(p.title)}</title>
<meta name="citation_title" content="${esc(p.title)}">
${names.map((n) => `<meta name="citation_author" content="${esc(citationName(n))}">`).join('\n')}
<meta name="citation_date" content="${esc(citationDate)}">
<meta name="citation_online_date" content="${esc(citationDate)}">
<meta name="citation_pdf_url" content="https://arxiv.org/pdf/${esc(vid)}">
<meta name="citation_arxiv_id" content="${esc(baseId)}">
<meta name="citation_abstract" content="${esc(p.summary)}">
</head>
<body class="with-cu-identity">
<div id="abs-outer">
<div class="leftcolumn">
<div class="subheader"><h1>Computer Science &gt; Machine Learning</h1></div>
<div id="content-inner">
<div id="abs">
<div class="dateline">[Submitted on ${esc(dateline)}]</div>
<h1 class="title mathjax"><span class="descriptor">Title:</span>${esc(p.title)}</h1>
<div class="authors"><span class="descriptor">Authors:</span>${names
    .map(
      (n) =>
        `<a href="https://arxiv.org/search/${esc(archive)}?searchtype=author&amp;query=${esc(encodeURIComponent(n))}" rel="nofollow">${esc(n)}</a>`,
    )
    .join(', ')}</div>
<div id="download-button-info" hidden>View a PDF of the paper titled ${esc(p.title)}</div>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${esc(p.summary)}</blockquote>
<div class="metatable"><table summary="Additional metadata"><tr><td class="tablecell label">Subjects:</td>
<td class="tablecell subjects"><span class="primary-subject">${archive === 'cs' ? 'Machine Learning (cs.LG)' : `${esc(archive!)} (${esc(archive!)})`}</span>; Computation and Language (cs.CL)</td></tr></table></div>
</div>
</div>
</div>
<div class="extra-services">
<div class="full-text">
<a name="other"></a>
<h2>Access Paper:</h2>
<ul>
<li><a href="/pdf/${esc(vid)}" aria-describedby="download-button-info" accesskey="f" class="abs-button download-pdf">View PDF</a></li>
<li><a href="https://arxiv.org/html/${esc(vid)}" class="abs-button" id="latexml-download-link">HTML (experimental)</a></li>
<li><a href="/src/${esc(vid)}" class="abs-button download-eprint">TeX Source</a></li>
</ul>
</div>
</div>
</div>
</body>
</html>`;
}

const NEW_ID = /^(\d{4}\.\d{4,5})(v[1-9]\d*)?$/;
const OLD_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v[1-9]\d*)?$/;

// --- server ---------------------------------------------------------------------------------

/** The bytes the stand-in serves as arXiv's PDF of `id`. */
export function standInPdf(id: string): string {
  // A whole (one-page) PDF, so a browser's own viewer opens it without complaint, as it does arXiv's.
  const text = `BT /F1 24 Tf 72 720 Td (Papertab stand-in PDF of arXiv:${id.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

export async function startStandIn(): Promise<StandIn> {
  const { key, cert } = await certificate();

  const days = new Map<string, DailyItem[]>();
  const extraPapers = new Map<string, PaperLike>();
  const following = new Map<string, object[]>();
  let fault: { fault: Fault; match: RegExp } | null = null;
  let trending: string[] = [];
  const repos = new Map<string, unknown>();
  const hung = new Set<ServerResponse>();
  const requests: StandInRequest[] = [];
  const waiters = new Set<(r: StandInRequest) => void>();

  /** Up to three other papers of the day `id` was featured on. */
  function relatedPapers(id: string): PaperLike[] {
    for (const items of days.values()) {
      if (items.some((it) => it.paper.id === id)) {
        return items
          .filter((it) => it.paper.id !== id)
          .slice(0, 3)
          .map((it) => it.paper);
      }
    }
    return [];
  }

  function findPaper(id: string): PaperLike | undefined {
    const extra = extraPapers.get(id);
    if (extra) return extra;
    // Latest day wins if an id appears on several days.
    const dates = [...days.keys()].sort().reverse();
    for (const d of dates) {
      const hit = days.get(d)?.find((it) => it.paper.id === id);
      if (hit) return hit.paper;
    }
    return undefined;
  }

  function send(
    res: ServerResponse,
    status: number,
    body: string,
    type: string,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  }

  const CORS = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'Retry-After, RateLimit, RateLimit-Policy',
  };
  const json = (res: ServerResponse, status: number, value: unknown): void =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', CORS);
  const html = (res: ServerResponse, status: number, body: string): void =>
    send(res, status, body, 'text/html; charset=utf-8');

  function page<T>(list: T[], q: URLSearchParams, res: ServerResponse): void {
    const p = q.has('p') ? Number(q.get('p')) : 0;
    if (!Number.isInteger(p) || p < 0) return json(res, 400, { error: 'Invalid page' });
    const rawLimit = q.has('limit') ? Number(q.get('limit')) : 50;
    const limit = Number.isFinite(rawLimit) ? Math.min(100, Math.max(1, Math.trunc(rawLimit))) : 50;
    json(res, 200, list.slice(p * limit, (p + 1) * limit));
  }

  function dailyPapers(q: URLSearchParams, res: ServerResponse): void {
    const date = q.get('date');
    const week = q.get('week');
    const month = q.get('month');
    let list: DailyItem[];
    // Multi-day answers: newest day first, each day in its own order.
    const collect = (keep: (d: string) => boolean): DailyItem[] =>
      [...days.keys()]
        .filter(keep)
        .sort()
        .reverse()
        .flatMap((d) => days.get(d) ?? []);
    if (date !== null) {
      if (!isValidDate(date)) return json(res, 400, { error: `Invalid date: ${date}` });
      list = days.get(date) ?? [];
    } else if (week !== null) {
      if (!isValidWeek(week)) return json(res, 400, { error: `Invalid week: ${week}` });
      list = collect((d) => isoWeekOf(d) === week);
    } else if (month !== null) {
      if (!isValidMonth(month)) return json(res, 400, { error: `Invalid month: ${month}` });
      list = collect((d) => d.startsWith(`${month}-`));
    } else {
      // No filter: the most recent day that has papers.
      const latest = [...days.keys()]
        .filter((d) => (days.get(d) ?? []).length > 0)
        .sort()
        .pop();
      list = latest ? (days.get(latest) ?? []) : [];
    }
    const submitter = q.get('submitter');
    if (submitter !== null) list = list.filter((it) => it.submittedBy.name === submitter);
    if (q.get('sort') === 'trending') {
      const rank = (it: DailyItem) =>
        trending.includes(it.paper.id) ? trending.indexOf(it.paper.id) : trending.length;
      list = [...list].sort((a, b) => rank(a) - rank(b) || b.paper.upvotes - a.paper.upvotes);
    }
    page(list, q, res);
  }

  function search(q: URLSearchParams, res: ServerResponse): void {
    const term = (q.get('q') ?? '').trim().toLowerCase();
    if (term.length > 250) return json(res, 400, { error: 'Query too long' });
    const rawLimit = q.has('limit') ? Number(q.get('limit')) : 50;
    const limit = Number.isFinite(rawLimit) ? Math.min(120, Math.max(1, Math.trunc(rawLimit))) : 50;
    if (!term) return json(res, 200, []);
    const seen = new Set<string>();
    const hits: DailyItem[] = [];
    for (const d of [...days.keys()].sort().reverse()) {
      for (const it of days.get(d) ?? []) {
        if (seen.has(it.paper.id)) continue;
        const hay = [it.title, it.paper.title, it.paper.summary, ...it.paper.authors.map((a) => a.name)]
          .join('\n')
          .toLowerCase();
        if (hay.includes(term)) {
          seen.add(it.paper.id);
          hits.push(it);
        }
      }
    }
    json(res, 200, hits.slice(0, limit));
  }

  function applyFault(f: Fault, req: IncomingMessage, res: ServerResponse): void {
    switch (f.kind) {
      case '500':
        return send(res, 500, '{"error":"Internal Error"}', 'application/json; charset=utf-8', CORS);
      case 'garbage':
        return send(res, 200, '{"oops": <not json', 'application/json; charset=utf-8', CORS);
      case '429': {
        const headers: Record<string, string> = { ...CORS };
        if (f.retryAfterSeconds !== undefined) headers['retry-after'] = String(f.retryAfterSeconds);
        if (f.rateLimitResetSeconds !== undefined) {
          headers['ratelimit'] = `"api";r=0;t=${f.rateLimitResetSeconds}`;
          headers['ratelimit-policy'] = '"fixed window";"api";q=500;w=300';
        }
        return send(res, 429, 'Too Many Requests', 'text/plain; charset=utf-8', headers);
      }
      case 'hang':
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      case 'down':
        req.socket.destroy();
        return;
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const rawPath = req.url ?? '/';
    const entry: StandInRequest = { host, method: req.method ?? 'GET', path: rawPath, at: Date.now() };
    requests.push(entry);
    for (const w of [...waiters]) w(entry);

    const url = new URL(rawPath, 'https://stand.in');
    const path = url.pathname;
    const isHf = host === 'huggingface.co' || host === '127.0.0.1' || host === 'localhost';
    const isArxiv = host === 'arxiv.org' || host === 'www.arxiv.org';

    if (isHf && path.startsWith('/api/')) {
      if (fault && fault.match.test(rawPath)) return applyFault(fault.fault, req, res);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS,
          'access-control-allow-methods': 'GET, HEAD, OPTIONS',
          'access-control-allow-headers': '*',
          'access-control-max-age': '600',
        });
        return void res.end();
      }
      if (path === '/api/daily_papers') return dailyPapers(url.searchParams, res);
      if (path === '/api/papers/search') return search(url.searchParams, res);
      const cited = /^\/api\/arxiv\/([^/]+)\/repos$/.exec(path);
      if (cited) {
        const id = decodeURIComponent(cited[1]!);
        return json(res, 200, repos.get(id) ?? { models: [], datasets: [], spaces: [] });
      }
      const followingOf = /^\/api\/users\/([^/]+)\/following$/.exec(path);
      if (followingOf) {
        const list = following.get(decodeURIComponent(followingOf[1]!).toLowerCase());
        return list ? json(res, 200, list) : json(res, 404, { error: 'User not found' });
      }
      if (path.startsWith('/api/papers/')) {
        const id = decodeURIComponent(path.slice('/api/papers/'.length));
        const p = findPaper(id);
        return p ? json(res, 200, p) : json(res, 404, { error: 'Not found' });
      }
      return json(res, 404, { error: 'Not found' });
    }

    if (isHf && path.startsWith('/papers/')) {
      const id = decodeURIComponent(path.slice('/papers/'.length));
      const p = findPaper(id);
      return p
        ? html(res, 200, hfPaperPage(p, relatedPapers(id)))
        : html(
            res,
            404,
            '<!DOCTYPE html><html><body><h1>404</h1><p>Sorry, we can’t find the page you are looking for.</p></body></html>',
          );
    }

    if (isArxiv && path.startsWith('/pdf/')) {
      // A tiny PDF naming its paper, so a test can tell which one arrived (Send to Zotero uploads it).
      return send(res, 200, standInPdf(decodeURIComponent(path.slice('/pdf/'.length))), 'application/pdf');
    }
    if (isArxiv && (path.startsWith('/abs/') || path.startsWith('/html/'))) {
      const rendering = path.startsWith('/html/') ? 'html' : 'abs';
      const requested = decodeURIComponent(path.slice(`/${rendering}/`.length));
      const m = NEW_ID.exec(requested) ?? OLD_ID.exec(requested);
      if (!m)
        return html(
          res,
          404,
          `<!DOCTYPE html><html><body><h1>Article identifier '${esc(requested)}' not recognized</h1></body></html>`,
        );
      const baseId = m[1] as string;
      // Unknown ids still get a plausible page, so content-script tests need no setup.
      const p: PaperLike = findPaper(baseId) ?? {
        id: baseId,
        title: `Stand-in Paper ${baseId}`,
        summary: `Abstract of the stand-in paper ${baseId}.`,
        authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
        publishedAt: '2024-01-01T00:00:00.000Z',
      };
      return html(res, 200, rendering === 'html' ? arxivHtmlPage(baseId, p) : arxivAbsPage(requested, baseId, p));
    }

    if (IMAGE_HOSTS.includes(host)) return send(res, 200, sampleImage(`https://${host}${rawPath}`), 'image/svg+xml');
    // A paper's code and project page: a page that says which address it is, for a link to land on.
    if (host === 'github.com' || host.endsWith('.github.io'))
      return html(
        res,
        200,
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Stand-in for ${esc(host)}</title></head><body><h1>Stand-in for https://${esc(host + path)}</h1></body></html>`,
      );

    if (isArxiv || isHf) return html(res, 404, '<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>');
    send(res, 421, `Misdirected request for host ${host}`, 'text/plain; charset=utf-8');
  }

  const server: Server = createServer({ key, cert }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  function releaseHangs(): void {
    for (const res of hung) res.socket?.destroy();
    hung.clear();
  }

  return {
    port,
    requests,
    setDay(date, items) {
      if (!isValidDate(date)) throw new Error(`setDay: bad date ${date}`);
      days.set(date, items);
    },
    addToDay(date, items) {
      if (!isValidDate(date)) throw new Error(`addToDay: bad date ${date}`);
      const ids = new Set(items.map((i) => i.paper.id));
      days.set(date, [...(days.get(date) ?? []).filter((i) => !ids.has(i.paper.id)), ...items]);
    },
    setTrending(ids) {
      trending = [...ids];
    },
    setRepos(id, body) {
      repos.set(id, body);
    },
    setPaper(paper) {
      const id = (paper as { id?: unknown }).id;
      if (typeof id !== 'string') throw new Error('setPaper: paper.id must be a string');
      extraPapers.set(id, paper as PaperLike);
    },
    setFollowing(username, accounts) {
      following.set(username.toLowerCase(), accounts);
    },
    setFault(f, match = /^\/api\//) {
      fault = f ? { fault: f, match } : null;
    },
    releaseHangs,
    waitForRequest(pred, timeoutMs = 10_000) {
      const past = requests.find(pred);
      if (past) return Promise.resolve(past);
      return new Promise<StandInRequest>((resolve, reject) => {
        const waiter = (r: StandInRequest): void => {
          let hit: boolean;
          try {
            hit = pred(r);
          } catch (err) {
            hit = false;
            clearTimeout(timer);
            waiters.delete(waiter);
            reject(err);
          }
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(r);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const recent = requests
            .slice(-10)
            .map((r) => `${r.host}${r.path}`)
            .join('\n  ');
          reject(
            new Error(
              `waitForRequest: no matching request within ${timeoutMs} ms; last requests:\n  ${recent || '(none)'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async close() {
      releaseHangs();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

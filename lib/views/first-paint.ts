/**
 * The new tab's first paint: before the app's code (Preact, Dexie, …) has even loaded, the papers
 * the page last showed are put on screen from the localStorage snapshot, with DOM APIs and
 * `textContent` only. The app then replaces them in the same task as its own first render. This
 * module must stay tiny and import nothing heavy: it is what makes the new tab as fast as a blank
 * page. When anything is unusual (quiet mode, another default view, no snapshot) it paints nothing.
 */

// Names declared in lib/core/page-keys.ts and lib/core/settings.ts, written in by the build
// (`firstPaintDefines`): importing them would make a chunk to fetch before the paint.
const NEWTAB_SNAPSHOT_KEY = __NEWTAB_SNAPSHOT_KEY__;
const SETTINGS_MIRROR_KEY = __SETTINGS_MIRROR_KEY__;
const APP_READY_EVENT = __APP_READY_EVENT__;

interface SnapPaper {
  id: string;
  /**
   * The paper's link, built by the app when it wrote the snapshot (`core/paper-links.ts`, the one
   * builder): importing that module here would cost the first paint a second script fetch.
   */
  href?: string;
  title: string;
  upvotes: number;
  authors?: string[];
  aiSummary?: string;
  publishedAt?: string;
  /** The thumbnail, checked by the app when it wrote the snapshot (and again here, by host). */
  thumb?: string;
}

const HF_PAPERS = 'https://huggingface.co/papers/';

/** Papers painted ahead of the app: more than a screenful, far fewer than a day. */
const FIRST = 12;
/** The same in the Compact layout, where a screen holds about twice as many. */
const FIRST_COMPACT = 24;

type Layout = 'comfortable' | 'compact' | 'grid';

/** Only Hugging Face's images are drawn (the page's CSP allows no others either). */
function hfImage(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined;
  try {
    const u = new URL(src);
    return u.protocol === 'https:' && (u.hostname === 'huggingface.co' || u.hostname.endsWith('.huggingface.co'))
      ? u.href
      : undefined;
  } catch {
    return undefined;
  }
}

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object';

function papersToPaint(): { papers: SnapPaper[]; day?: string; layout: Layout } | undefined {
  const settings = readJson(SETTINGS_MIRROR_KEY);
  const s = isObj(settings) ? settings : {};
  if (s.quietNewTab === true || (s.defaultView !== undefined && s.defaultView !== 'day')) return undefined;
  if (location.hash || location.search) return undefined;
  const snap = readJson(NEWTAB_SNAPSHOT_KEY);
  if (!isObj(snap) || !Array.isArray(snap.papers)) return undefined;
  const min = typeof s.minUpvotes === 'number' ? s.minUpvotes : 0;
  const papers = snap.papers.filter(
    (p): p is SnapPaper =>
      isObj(p) &&
      typeof p.id === 'string' &&
      typeof p.title === 'string' &&
      typeof p.upvotes === 'number' &&
      p.upvotes >= min,
  );
  if (!papers.length) return undefined;
  const byTitle = (a: SnapPaper, b: SnapPaper) => a.title.localeCompare(b.title);
  // "For you" and "Trending" are ordered by the app, which wrote the snapshot in that order: kept as it is.
  if (s.sort !== 'foryou' && s.sort !== 'trending')
    papers.sort(
      s.sort === 'newest'
        ? (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.upvotes - a.upvotes || byTitle(a, b)
        : (a, b) => b.upvotes - a.upvotes || byTitle(a, b),
    );
  const latest = isObj(snap.latest) && typeof snap.latest.date === 'string' ? snap.latest.date : undefined;
  if (isObj(settings) && (settings.theme === 'dark' || settings.theme === 'light'))
    document.documentElement.dataset.theme = settings.theme;
  // The layout the app will show (settings.ts `density`), so the first paint has it: no jump.
  const layout: Layout = s.density === 'compact' || s.density === 'grid' ? s.density : 'comfortable';
  return { papers: papers.slice(0, layout === 'compact' ? FIRST_COMPACT : FIRST), day: latest, layout };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Paints the snapshot into `root`; returns whether it painted. */
export function paintFirst(root: HTMLElement): boolean {
  const data = papersToPaint();
  if (!data) return false;
  const main = el('main', glanceClass(data.layout));
  const section = el('section', 'papers');
  for (const p of data.papers) {
    const article = el('article', 'paper');
    const thumb = data.layout === 'compact' ? undefined : hfImage(p.thumb);
    if (thumb) {
      const img = el('img', 'thumb');
      img.src = thumb;
      img.alt = '';
      img.width = 160;
      img.height = 90;
      article.append(img);
    }
    const body = el('div', 'paper-body');
    const h2 = el('h2', 'paper-title');
    const a = el('a', undefined, p.title);
    // Only a Hugging Face paper link is followed; anything else leaves the title unlinked until the app paints.
    if (typeof p.href === 'string' && p.href.startsWith(HF_PAPERS)) a.href = p.href;
    h2.append(a);
    body.append(h2);
    if (p.authors?.length)
      body.append(
        el('p', 'byline', p.authors.slice(0, 3).join(', ') + (p.authors.length > 3 ? ` +${p.authors.length - 3}` : '')),
      );
    body.append(el('p', 'paper-meta', `▲ ${p.upvotes}`));
    if (p.aiSummary) body.append(el('p', 'ai-summary', p.aiSummary));
    article.append(body);
    section.append(article);
  }
  main.append(section);
  // The header's height, so nothing jumps when the app's real header arrives.
  root.append(el('header', 'top first-paint-header'), main);
  return true;
}

/** The class of the papers' `<main>` in each layout: the same as the app's (components/newtab/NewTabApp.tsx). */
function glanceClass(layout: string): string {
  return layout === 'compact' || layout === 'grid' ? `glance ${layout}` : 'glance';
}

/** Keys the app's shortcuts use (lib/views/keyboard.ts); Enter is left alone (links answer it natively). */
const SHORTCUT_KEYS = new Set(['j', 'k', 'o', 's', 'c', 'a', 'f', 'x', 'm', '/', '[', ']', '?']);

/**
 * Between the first paint and the app's keyboard handler, shortcut keys are held and then replayed
 * in order, so a quick `j` `s` on a freshly opened tab is not lost.
 */
export function holdKeysUntilReady(doc: Document = document): void {
  const held: string[] = [];
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !SHORTCUT_KEYS.has(e.key)) return;
    if ((e.target as Element | null)?.closest?.('input, textarea, select, [contenteditable]')) return;
    held.push(e.key);
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener(
    APP_READY_EVENT,
    () => {
      doc.removeEventListener('keydown', onKey, true);
      for (const key of held) {
        const target = doc.activeElement ?? doc.body;
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      }
    },
    { once: true },
  );
}

/**
 * Saving a paper by id, wherever the request came from (a paper page's button, the popup, the
 * context menu, a keyboard command). The record is completed from Hugging Face when it can be;
 * when it cannot (404, offline, old-style id), what the page said is saved and completed later.
 */
import { parseArxivId } from '../core/arxiv-id';
import { askHf, type HfRequestDeps } from './gate';
import { FetchFailure, fetchPaper } from './hf-api';
import { t } from '../core/i18n';
import type { Paper } from '../core/paper';
import { savePaper, unsavePaper } from '../reading-list/list';
import { markCompletionTried } from '../store/reading-list';
import { paperFromPage, type PageMeta, type SaveReply } from '../core/save-request';

type Deps = HfRequestDeps;

/**
 * Looks the paper up (cache, then Hugging Face) without ever failing for lack of network.
 * `failed` says Hugging Face could not be asked (offline, 429, error), as opposed to not knowing it.
 */
async function lookUp(deps: Deps, id: string, oldStyle: boolean): Promise<{ paper?: Paper; failed?: boolean }> {
  const cached = await deps.db.papers.get(id);
  if (cached) return { paper: cached };
  if (oldStyle) return {}; // Hugging Face only knows new-style arXiv ids
  try {
    const asked = await askHf(deps, () => fetchPaper(id, { fetch: deps.fetch, now: deps.now }));
    return asked.ok ? { paper: asked.value } : { failed: true };
  } catch (err) {
    // An answer about another paper says nothing about this one: like a 404 for it (saved from
    // the page, asked again later), without holding up the other papers' completion.
    if (err instanceof FetchFailure && err.kind === 'wrong-paper') return {};
    return { failed: true };
  }
}

export async function saveById(deps: Deps, rawId: string, page?: PageMeta): Promise<SaveReply> {
  const ref = parseArxivId(rawId);
  if (!ref) return { ok: false, saved: false, message: t('replyNotArxivId') };
  const now = (deps.now ?? Date.now)();
  const { paper } = await lookUp(deps, ref.id, ref.oldStyle);
  // Hugging Face does not give the arXiv category; the page saved from may (kept through later refreshes).
  const rec = paper
    ? await savePaper(deps.db, page?.primaryClass ? { ...paper, primaryClass: page.primaryClass } : paper, now)
    : await savePaper(deps.db, paperFromPage(ref.id, page, now), now, true);
  return { ok: true, saved: true, message: t('replySaved', rec.paper.title) };
}

export async function unsaveById(deps: Deps, rawId: string): Promise<SaveReply> {
  const ref = parseArxivId(rawId);
  if (!ref) return { ok: false, saved: false, message: t('replyNotArxivId') };
  await unsavePaper(deps.db, ref.id);
  return { ok: true, saved: false, message: t('replyRemoved') };
}

/** A paper Hugging Face did not know is asked about again after this long. */
const RETRY_UNKNOWN_MS = 6 * 60 * 60_000;

/**
 * Completes papers saved from page metadata, a few per run, once Hugging Face knows them. Papers
 * it did not know (404) wait their turn behind the others, so they never starve newer ones.
 */
export async function completeIncomplete(deps: Deps, max = 10): Promise<number> {
  const now = (deps.now ?? Date.now)();
  const pending = (await deps.db.saved.filter((s) => !!s.incomplete && !parseArxivId(s.id)?.oldStyle).toArray())
    .filter((s) => !s.completionTriedAt || now - s.completionTriedAt >= RETRY_UNKNOWN_MS)
    .sort((a, b) => (a.completionTriedAt ?? 0) - (b.completionTriedAt ?? 0))
    .slice(0, max);
  let done = 0;
  for (const s of pending) {
    const { paper, failed } = await lookUp(deps, s.id, false);
    // Offline or asked to slow down: the next paper would fail the same way; try again next run.
    if (failed) break;
    if (!paper) {
      await markCompletionTried(deps.db, s.id, now);
      continue;
    }
    await savePaper(deps.db, paper, now);
    done++;
  }
  return done;
}

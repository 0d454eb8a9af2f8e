/**
 * The Hub repositories citing a paper: `GET /api/arxiv/{id}/repos` answers
 * `{ models: [{ id, … }], datasets: [{ id, … }], spaces: [{ id, … }] }`. Validated as untrusted:
 * an answer that is not that object is malformed; an entry whose id is not a Hub repo id is left
 * out; each list is bounded.
 */
import * as v from 'valibot';
import { FetchFailure, getJson, HF_ORIGIN, type ApiOptions } from './hf-api';
import { PAPER_ID_RE } from './hf-schema';
import { t } from '../core/i18n';
import { isHubRepoId } from '../core/safe-url';

/** "org/name" (models may also be a bare legacy name such as "gpt2"). */
export const REPO_ID_RE = /^[A-Za-z0-9][\w.-]{0,95}(\/[A-Za-z0-9][\w.-]{0,95})?$/;
const MAX_PER_KIND = 50;

const Entry = v.object({ id: v.pipe(v.string(), v.regex(REPO_ID_RE), v.check(isHubRepoId)) });
const List = v.optional(v.array(v.unknown()), []);
const ReposSchema = v.object({ models: List, datasets: List, spaces: List });

export interface PaperRepos {
  models: string[];
  datasets: string[];
  spaces: string[];
}

function ids(list: unknown[], kind: 'models' | 'datasets' | 'spaces'): string[] {
  const out = new Set<string>();
  for (const item of list) {
    const r = v.safeParse(Entry, item);
    // Datasets and Spaces always live under an owner; a bare name there is not a real id.
    if (r.success && (kind === 'models' || r.output.id.includes('/'))) out.add(r.output.id);
    if (out.size >= MAX_PER_KIND) break;
  }
  return [...out];
}

export function parseRepos(json: unknown): PaperRepos | undefined {
  const r = v.safeParse(ReposSchema, json);
  if (!r.success || Array.isArray(json)) return undefined;
  return {
    models: ids(r.output.models, 'models'),
    datasets: ids(r.output.datasets, 'datasets'),
    spaces: ids(r.output.spaces, 'spaces'),
  };
}

/** A paper Hugging Face does not know (404) has no repos. */
export async function fetchPaperRepos(id: string, opts: ApiOptions = {}): Promise<PaperRepos> {
  if (!PAPER_ID_RE.test(id)) return { models: [], datasets: [], spaces: [] };
  try {
    const repos = parseRepos(await getJson(`${HF_ORIGIN}/api/arxiv/${encodeURIComponent(id)}/repos`, opts));
    if (!repos) throw new FetchFailure('malformed', t('errMalformed'));
    return repos;
  } catch (err) {
    if (err instanceof FetchFailure && err.status === 404) return { models: [], datasets: [], spaces: [] };
    throw err;
  }
}

/**
 * Everything a paper card offers beyond Save, as data: one list drives the "More actions" menu,
 * the new tab's keys for them and the `?` help. An action is a link (`href`) or a deed (`run`),
 * offered only where the page gives what it needs (`ctx`). Adding an action is adding an entry.
 */
import { t } from '../core/i18n';
import type { Paper } from '../core/paper';
import { isArxivId } from '../core/arxiv-id';
import { arxivAbsUrl, arxivPdfUrl } from '../core/paper-links';
import { safeHttpUrl } from '../core/safe-url';

export type CopyFormat = 'bibtex' | 'plain' | 'markdown';

/** What the page lets a card do; an action whose needs are missing is not offered. */
export interface ActionContext {
  paper: Paper;
  copy: (format: CopyFormat) => void;
  /** The new tab only: the abstract shown in place. */
  abstractShown?: boolean;
  toggleAbstract?: () => void;
  notInterested?: boolean;
  toggleNotInterested?: () => void;
  /** Opens the list of the paper's authors and organization to follow. */
  openFollow?: () => void;
  /** Given once Zotero is on (lib/hooks/use-zotero.ts). */
  sendToZotero?: () => void;
}

export interface PaperAction {
  id: string;
  /** Menu text. */
  label: (ctx: ActionContext) => string;
  /** The new tab's key for it, on the focused paper (listed under `?`). */
  key?: string;
  /** What the key does, for the help. */
  keyHelp?: () => string;
  /** A link to open, checked for scheme and host; absent when the paper has none. */
  href?: (paper: Paper) => string | undefined;
  run?: (ctx: ActionContext) => void;
  /** Whether the page offers it for this paper (links: whether `href` gives one). */
  available?: (ctx: ActionContext) => boolean;
}

const arxiv = (p: Paper) => isArxivId(p.id);

export const PAPER_ACTIONS: PaperAction[] = [
  {
    id: 'copy-bibtex',
    label: () => t('copyBibtex'),
    key: 'c',
    keyHelp: () => t('shortcutCopy'),
    run: (c) => c.copy('bibtex'),
  },
  { id: 'copy-plain', label: () => t('copyPlain'), run: (c) => c.copy('plain') },
  { id: 'copy-markdown', label: () => t('copyMarkdown'), run: (c) => c.copy('markdown') },
  {
    id: 'zotero',
    label: () => t('sendToZotero'),
    key: 'z',
    keyHelp: () => t('shortcutZotero'),
    run: (c) => c.sendToZotero?.(),
    available: (c) => !!c.sendToZotero,
  },
  {
    id: 'abstract',
    label: (c) => (c.abstractShown ? t('hideAbstract') : t('showAbstract')),
    key: 'a',
    keyHelp: () => t('shortcutAbstract'),
    run: (c) => c.toggleAbstract?.(),
    available: (c) => !!c.toggleAbstract && !!c.paper.summary,
  },
  {
    id: 'follow',
    label: () => t('followMenu'),
    key: 'f',
    keyHelp: () => t('shortcutFollow'),
    run: (c) => c.openFollow?.(),
    available: (c) => !!c.openFollow && (!!c.paper.organization || c.paper.authors.length > 0),
  },
  {
    id: 'not-interested',
    label: (c) => (c.notInterested ? t('actionNotInterestedUndo') : t('notInterested')),
    key: 'x',
    keyHelp: () => t('shortcutNotInterested'),
    run: (c) => c.toggleNotInterested?.(),
    available: (c) => !!c.toggleNotInterested,
  },
  { id: 'arxiv', label: () => t('actionArxiv'), href: (p) => (arxiv(p) ? arxivAbsUrl(p.id) : undefined) },
  { id: 'pdf', label: () => t('actionPdf'), href: (p) => (arxiv(p) ? arxivPdfUrl(p.id) : undefined) },
  { id: 'code', label: () => t('actionCode'), href: (p) => safeHttpUrl(p.githubRepo) },
  { id: 'project', label: () => t('projectPage'), href: (p) => safeHttpUrl(p.projectPage) },
];

/** The actions this page offers for this paper, in menu order. */
export function actionsFor(ctx: ActionContext, list: PaperAction[] = PAPER_ACTIONS): PaperAction[] {
  return list.filter((a) => (a.available ? a.available(ctx) : a.href ? !!a.href(ctx.paper) : true));
}

/** The action a key runs on the focused paper, if any. */
export function actionForKey(key: string, list: PaperAction[] = PAPER_ACTIONS): PaperAction | undefined {
  return list.find((a) => a.key === key);
}

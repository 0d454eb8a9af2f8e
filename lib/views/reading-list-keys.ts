import { cardShortcuts, shortcut, type Shortcut } from './keyboard';

/**
 * The reading list's keyboard shortcuts: the new tab's moves, plus what a saved paper is for. `card:<id>` actions that are
 * not the card menu's (the note, selecting, statuses, Remove) are the saved paper's own
 * (components/reading-list/SavedItem.tsx); the card keys are only those that act on a saved paper.
 */
export const READING_LIST_SHORTCUTS: Shortcut[] = [
  shortcut(['j'], 'next', 'shortcutNext'),
  shortcut(['k'], 'prev', 'shortcutPrev'),
  shortcut(['o', 'Enter'], 'open', 'shortcutOpen'),
  shortcut(['n'], 'card:note', 'shortcutNote'),
  shortcut(['x'], 'card:select', 'shortcutSelect'),
  shortcut(['1'], 'card:status-to-read', 'markAsToRead'),
  shortcut(['2'], 'card:status-reading', 'markAsReading'),
  shortcut(['3'], 'card:status-read', 'markAsRead'),
  shortcut(['Delete'], 'card:remove', 'shortcutRemove', { leavesList: true }),
  ...cardShortcuts(['copy-bibtex', 'zotero']),
  shortcut(['m'], 'menu', 'shortcutMenu'),
  shortcut(['/'], 'search', 'shortcutSearchList'),
  shortcut(['?'], 'help', 'shortcutHelp'),
];

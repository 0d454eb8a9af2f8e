/** The new tab's keyboard shortcuts, as data: one table drives both the handler and the help. */
import { t, type PlainKey } from '../core/i18n';

export type KeyAction =
  'next' | 'prev' | 'open' | 'save' | 'copy' | 'zotero' | 'abstract' | 'search' | 'prevRange' | 'nextRange' | 'help';

export interface Shortcut {
  /** `KeyboardEvent.key` values, also shown as the keys' names. */
  keys: string[];
  action: KeyAction;
  /** What the keys do, in the browser's language. */
  readonly label: string;
}

const shortcut = (keys: string[], action: KeyAction, labelKey: PlainKey): Shortcut => ({
  keys,
  action,
  get label() {
    return t(labelKey);
  },
});

export const SHORTCUTS: Shortcut[] = [
  shortcut(['j'], 'next', 'shortcutNext'),
  shortcut(['k'], 'prev', 'shortcutPrev'),
  shortcut(['o', 'Enter'], 'open', 'shortcutOpen'),
  shortcut(['s'], 'save', 'shortcutSave'),
  shortcut(['c'], 'copy', 'shortcutCopy'),
  shortcut(['z'], 'zotero', 'shortcutZotero'),
  shortcut(['a'], 'abstract', 'shortcutAbstract'),
  shortcut(['/'], 'search', 'shortcutSearch'),
  shortcut(['['], 'prevRange', 'shortcutPrevRange'),
  shortcut([']'], 'nextRange', 'shortcutNextRange'),
  shortcut(['?'], 'help', 'shortcutHelp'),
];

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

export function keyAction(key: string): KeyAction | undefined {
  return BY_KEY.get(key);
}

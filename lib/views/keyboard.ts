/** The new tab's keyboard shortcuts, as data: one table per page drives both its handler and its help (the reading list's: ./reading-list-keys.ts). */
import { t, type PlainKey } from '../core/i18n';
import { PAPER_ACTIONS } from './paper-actions';

/** `card:<id>` runs the focused paper's action `<id>` (lib/views/paper-actions.ts). */
export type KeyAction =
  'next' | 'prev' | 'open' | 'save' | 'menu' | 'search' | 'prevRange' | 'nextRange' | 'help' | `card:${string}`;

export interface Shortcut {
  /** `KeyboardEvent.key` values, also shown as the keys' names. */
  keys: string[];
  action: KeyAction;
  /** What the keys do, in the browser's language. */
  readonly label: string;
  /** The paper leaves the list (the reading list's Remove): the focus moves on to its neighbour first. */
  leavesList?: boolean;
}

export const shortcut = (
  keys: string[],
  action: KeyAction,
  labelKey: PlainKey,
  opts: { leavesList?: boolean } = {},
): Shortcut => ({
  keys,
  action,
  get label() {
    return t(labelKey);
  },
  ...opts,
});

/** The card actions that have a key: one entry in the actions list gives the key and its help line. */
export const cardShortcuts = (only?: readonly string[]): Shortcut[] =>
  PAPER_ACTIONS.filter((a) => !only || only.includes(a.id)).flatMap((a) =>
    a.key
      ? [
          {
            keys: [a.key],
            action: `card:${a.id}` as const,
            get label() {
              return a.keyHelp?.() ?? a.id;
            },
          },
        ]
      : [],
  );

export const SHORTCUTS: Shortcut[] = [
  shortcut(['j'], 'next', 'shortcutNext'),
  shortcut(['k'], 'prev', 'shortcutPrev'),
  shortcut(['o', 'Enter'], 'open', 'shortcutOpen'),
  shortcut(['s'], 'save', 'shortcutSave'),
  ...cardShortcuts(),
  shortcut(['m'], 'menu', 'shortcutMenu'),
  shortcut(['/'], 'search', 'shortcutSearch'),
  shortcut(['['], 'prevRange', 'shortcutPrevRange'),
  shortcut([']'], 'nextRange', 'shortcutNextRange'),
  shortcut(['?'], 'help', 'shortcutHelp'),
];

const byKey = (table: Shortcut[]) => new Map(table.flatMap((s) => s.keys.map((k) => [k, s] as const)));
const tables = new WeakMap<Shortcut[], Map<string, Shortcut>>();

/** The entry a key has on the page whose table this is (the new tab's by default). */
export function shortcutFor(key: string, table: Shortcut[] = SHORTCUTS): Shortcut | undefined {
  let map = tables.get(table);
  if (!map) tables.set(table, (map = byKey(table)));
  return map.get(key);
}

/** What a key does on the page whose table this is (the new tab's by default). */
export const keyAction = (key: string, table: Shortcut[] = SHORTCUTS): KeyAction | undefined =>
  shortcutFor(key, table)?.action;

/** The event a focused card receives for `card:<id>`: `detail` is the action's id. */
export const CARD_ACTION_EVENT = 'papertab:card-action';

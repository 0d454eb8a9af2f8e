/** The new tab's keyboard shortcuts, as data: one table drives both the handler and the help. */
export type KeyAction = 'next' | 'prev' | 'open' | 'save' | 'abstract' | 'search' | 'prevRange' | 'nextRange' | 'help';

export const SHORTCUTS: { keys: string[]; action: KeyAction; label: string }[] = [
  { keys: ['j'], action: 'next', label: 'Next paper' },
  { keys: ['k'], action: 'prev', label: 'Previous paper' },
  { keys: ['o', 'Enter'], action: 'open', label: 'Open the paper on Hugging Face' },
  { keys: ['s'], action: 'save', label: 'Save or unsave the paper' },
  { keys: ['a'], action: 'abstract', label: 'Show or hide the abstract' },
  { keys: ['/'], action: 'search', label: 'Search' },
  { keys: ['['], action: 'prevRange', label: 'Previous day (week, month)' },
  { keys: [']'], action: 'nextRange', label: 'Next day (week, month)' },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts' },
];

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

export function keyAction(key: string): KeyAction | undefined {
  return BY_KEY.get(key);
}

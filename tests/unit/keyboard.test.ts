import { describe, expect, it } from 'vitest';
import { keyAction, SHORTCUTS, type KeyAction } from '@/lib/views/keyboard';

describe('keyboard shortcuts on the new tab', () => {
  it.each(SHORTCUTS.flatMap((s) => s.keys.map((key) => [key, s.action] as const)))(
    'the key %j does %s',
    (key, action) => {
      expect(keyAction(key)).toBe(action);
    },
  );

  it('the keys the help lists are the documented ones', () => {
    const expected: Record<string, KeyAction> = {
      j: 'next',
      k: 'prev',
      o: 'open',
      Enter: 'open',
      s: 'save',
      c: 'copy',
      z: 'zotero',
      a: 'abstract',
      '/': 'search',
      '[': 'prevRange',
      ']': 'nextRange',
      '?': 'help',
    };
    for (const [key, action] of Object.entries(expected)) expect(keyAction(key)).toBe(action);
    expect(SHORTCUTS.flatMap((s) => s.keys).sort()).toEqual(Object.keys(expected).sort());
  });

  it('each action is listed once, with words for the help', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const s of SHORTCUTS) expect(s.label.trim()).not.toBe('');
  });

  it.each(['x', 'Escape', ' ', 'Tab', 'ArrowDown', 'enter', '', 'constructor', '__proto__'])(
    'the key %j does nothing',
    (key) => {
      expect(keyAction(key)).toBeUndefined();
    },
  );
});

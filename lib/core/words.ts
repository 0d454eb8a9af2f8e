/**
 * Whole-word matching shared by the watch list, the follow matcher and the keys the cache indexes
 * papers by (lib/core/follow-keys.ts): case and accents ignored, words split on anything that is
 * not a letter or a digit ("Li" matches "Wei Li", not "Lisa").
 */

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Words of folded text, so phrases match on word boundaries whatever the punctuation. */
export function tokens(s: string): string[] {
  return foldText(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function containsPhrase(hay: string[], phrase: string[]): boolean {
  if (!phrase.length || phrase.length > hay.length) return false;
  outer: for (let i = 0; i <= hay.length - phrase.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (hay[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * `browser.i18n.getMessage` over the English messages.json, with Chrome's (and Firefox's)
 * semantics, for unit tests: names are case-insensitive; `$name$` placeholders are replaced by
 * their `content` first, then `$1`…`$9` by the substitutions (a missing one by nothing); in a run
 * of `$`s the first is dropped (`$$` is a literal `$`); substitution text is inserted as is, never
 * read for `$`s again; an unknown name gives "".
 */
import messages from '../../public/_locales/en/messages.json';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const MESSAGES: Record<string, Entry> = messages;

const byLowerName = new Map(Object.entries(MESSAGES).map(([name, entry]) => [name.toLowerCase(), entry]));

/** The message with its named placeholders resolved, as the browser does when it loads the file. */
function resolvePlaceholders(entry: Entry): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
}

export function fakeGetMessage(name: string, substitutions?: string | string[]): string {
  const entry = byLowerName.get(name.toLowerCase());
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  if (subs.length > 9) throw new Error('i18n.getMessage: at most 9 substitutions');
  return resolvePlaceholders(entry).replace(/\$(?:([1-9])|(\$+))/g, (_, digit: string | undefined, dollars: string) =>
    digit ? (subs[Number(digit) - 1] ?? '') : dollars,
  );
}

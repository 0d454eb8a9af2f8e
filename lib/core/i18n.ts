/**
 * Every user-facing string goes through `browser.i18n` (`public/_locales/<lang>/messages.json`),
 * so a translation is a file, not a code change. Works in pages, the background and content
 * scripts alike. Message keys are checked by the compiler: the type below is read from the English
 * messages file (a type-only import: no JSON lands in any bundle).
 */
import { browser } from 'wxt/browser';

type Messages = typeof import('../../public/_locales/en/messages.json');
export type MessageKey = keyof Messages & string;
export type Substitution = string | number;

/** A message with placeholders needs its substitutions; one without takes none. */
type SubstitutionsOf<K extends MessageKey> = K extends unknown
  ? Messages[K] extends { placeholders: object }
    ? [Substitution, ...Substitution[]]
    : []
  : never;

/** Keys of messages without placeholders: what a table of labels may name. */
export type PlainKey = { [K in MessageKey]: Messages[K] extends { placeholders: object } ? never : K }[MessageKey];

/** Keys of a plural pair: `fooOne` (plural category "one") and `fooOther` (every other count). */
export type OneKey = Extract<MessageKey, `${string}One`>;
export type OtherKey = Extract<MessageKey, `${string}Other`>;

function message(key: string, substitutions: readonly Substitution[]): string {
  try {
    // WXT types getMessage by the names it generates from the same file; `key` is checked by our callers.
    const i18n = browser.i18n as unknown as { getMessage(name: string, substitutions?: string[]): string };
    const text = i18n.getMessage(key, substitutions.map(String));
    // Chrome and Firefox answer "" for an unknown key: show the key rather than nothing.
    if (text) return text;
  } catch {
    // No i18n API here (a plain script, a test without it): the key still says what is meant.
  }
  return key;
}

/** The message `key` in the browser's language, with `$1`…`$9` (and the placeholders naming them) filled in. */
export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): string {
  return message(key, substitutions);
}

/**
 * One of a plural pair, chosen by the language's plural rule for `count` ("one" or not: Chrome's
 * i18n has no plurals of its own). `count` is always the first substitution (`$COUNT$`), the rest follow.
 */
export function tn(count: number, one: OneKey, other: OtherKey, ...substitutions: Substitution[]): string {
  return message(pluralCategory(count) === 'one' ? one : other, [count, ...substitutions]);
}

/**
 * A message whose substitutions are not text (an element, say): the message split into its text
 * and the parts, in the order the translation puts them. Keeps whole sentences for translators.
 */
export function tParts<T>(key: MessageKey, ...parts: T[]): (string | T)[] {
  // Private-use characters cannot come from a message file's text by accident.
  const text = message(
    key,
    parts.map((_, i) => `\uE000${i}\uE001`),
  );
  return text
    .split(/\uE000(\d)\uE001/)
    .map((s, i) => (i % 2 === 1 ? parts[Number(s)]! : s))
    .filter((s) => s !== '');
}

/** The browser's UI language ("en-US"), or "en" where there is no i18n API. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * The language of the messages in use (`languageTag` in each messages.json): a page's messages never
 * change, so it is read once (every date and plural on a card asks for it; each read is a call into the browser).
 */
export function messagesLanguage(): string {
  if (messagesTag) return messagesTag;
  const tag = message('languageTag', []);
  if (tag === 'languageTag') return 'en';
  return (messagesTag = tag);
}
let messagesTag: string | undefined;

/**
 * The locale for dates, times and plurals: the browser's UI language (so an en-GB browser gets
 * British dates), unless Papertab has no translation for it, in which case the messages' own
 * language, so that "Updated …" never wraps a relative time in another language.
 */
export function intlLocale(): string {
  const ui = uiLanguage();
  const messages = messagesLanguage();
  const key = `${ui}|${messages}`;
  let locale = locales.get(key);
  if (locale === undefined) {
    const primary = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();
    const chosen = primary(ui) === primary(messages) ? ui : messages;
    try {
      locale = Intl.getCanonicalLocales(chosen)[0] ?? 'en';
    } catch {
      locale = 'en';
    }
    locales.set(key, locale);
  }
  return locale;
}
// Worked out once per language pair, and plural rules made once per locale: cards call these per render.
const locales = new Map<string, string>();
const pluralRules = new Map<string, Intl.PluralRules | null>();

function pluralCategory(count: number): Intl.LDMLPluralRule {
  const locale = intlLocale();
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = null;
    }
    pluralRules.set(locale, rules);
  }
  return rules ? rules.select(count) : count === 1 ? 'one' : 'other';
}

/** For an extension page: its language and title from the messages (the HTML holds the English fallback). */
export function localizePage(titleKey: MessageKey): void {
  document.documentElement.lang = messagesLanguage();
  document.title = message(titleKey, []);
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { intlLocale, t, tn, tParts } from '@/lib/core/i18n';
import { fakeGetMessage, MESSAGES } from '../support/fake-i18n';

// Vitest runs from the project root (vitest.config.ts).
const ROOT = process.cwd();

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Everything that can name a message: pages, components, logic, the manifest's config. */
const SOURCES = [
  ...filesUnder('components', /\.tsx$/),
  ...filesUnder('lib', /\.ts$/),
  ...filesUnder('entrypoints', /\.(ts|tsx|html)$/),
  'wxt.config.ts',
].map((path) => ({ path, text: read(path) }));

const KEYS = Object.keys(MESSAGES);
const placeholderRefs = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());

describe('messages.json: what translators get', () => {
  it.each(KEYS)('%s has a message and a description', (key) => {
    expect(key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/); // "@@" names are the browser's own
    expect(MESSAGES[key]!.message.trim(), key).not.toBe('');
    expect(MESSAGES[key]!.description?.trim(), `${key} needs a description for translators`).toBeTruthy();
  });

  it('has no two names that differ only in case (the browser ignores case)', () => {
    expect(new Set(KEYS.map((k) => k.toLowerCase())).size).toBe(KEYS.length);
  });

  it.each(KEYS)('%s: placeholders are declared, used, numbered $1…$n and exemplified', (key) => {
    const { message, placeholders = {} } = MESSAGES[key]!;
    const declared = Object.keys(placeholders).map((n) => n.toLowerCase());
    const used = placeholderRefs(message);
    expect(new Set(used), 'every $NAME$ is declared and every declared one used').toEqual(new Set(declared));
    // Substitutions only through named placeholders; a literal dollar is written $$.
    expect(message.replace(/\$[A-Za-z0-9_@]+\$/g, '').replace(/\$\$/g, ''), 'no stray $').not.toContain('$');
    const numbers = Object.values(placeholders).map((p) => {
      expect(p.content).toMatch(/^\$[1-9]$/);
      expect(p.example, 'an example for translators').toBeTruthy();
      return Number(p.content.slice(1));
    });
    expect(new Set(numbers).size, 'each substitution once').toBe(numbers.length);
    // The "one" form of a plural may leave out the count ($1): English "The BibTeX entry …".
    const expected = key.endsWith('One') && !declared.includes('count') ? numbers.length + 1 : numbers.length;
    for (const n of numbers) expect(n).toBeLessThanOrEqual(expected);
  });

  it.each(KEYS.filter((k) => /(One|Other)$/.test(k)))('%s is half of a plural pair taking the count as $1', (key) => {
    const base = key.replace(/(One|Other)$/, '');
    const one = MESSAGES[`${base}One`];
    const other = MESSAGES[`${base}Other`];
    expect(one, `${base}One`).toBeDefined();
    expect(other, `${base}Other`).toBeDefined();
    expect(other!.placeholders?.count?.content).toBe('$1');
    for (const [name, p] of Object.entries(one!.placeholders ?? {})) {
      expect(other!.placeholders?.[name]?.content, `${base}One's ${name}`).toBe(p.content);
    }
  });

  it('keeps the store description within its 132 characters', () => {
    expect(MESSAGES.extDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('message keys in the code', () => {
  /** Keys named literally where a message is looked up (the compiler checks the typed tables too). */
  function keysUsed(text: string): string[] {
    const patterns = [
      /\b(?:t|tParts|localizePage)\(\s*'(\w+)'/g,
      /\btn\([^;]*?,\s*'(\w+One)',\s*'(\w+Other)'/g,
      /__MSG_(\w+)__/g,
    ];
    return patterns.flatMap((re) => [...text.matchAll(re)].flatMap((m) => m.slice(1).filter(Boolean) as string[]));
  }

  it('finds the lookups it checks (the scan works)', () => {
    expect(keysUsed(`t('a'); tn(n, 'bOne', 'bOther', x); tParts('c', <b />); name: '__MSG_d__'`)).toEqual([
      'a',
      'c',
      'bOne',
      'bOther',
      'd',
    ]);
  });

  it.each(SOURCES.map((s) => [s.path, s.text] as const))('every key %s uses exists', (_path, text) => {
    for (const key of keysUsed(text)) expect(KEYS, key).toContain(key);
  });

  it('uses every message somewhere (no stale ones for translators to translate)', () => {
    const all = SOURCES.map((s) => s.text).join('\n');
    const unused = KEYS.filter((key) => !all.includes(`'${key}'`) && !all.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('gives the manifest a default locale and localized names', () => {
    const config = read('wxt.config.ts');
    expect(config).toContain("default_locale: 'en'");
    expect(config).toContain("name: '__MSG_extName__'");
    expect(config).toContain("description: '__MSG_extDescription__'");
  });

  it.each(filesUnder('entrypoints', /index\.html$/))('%s sets its title from the messages, same English', (html) => {
    const dir = html.replace(/index\.html$/, '');
    const code = SOURCES.filter((s) => s.path.startsWith(dir) && /\.tsx?$/.test(s.path)).map((s) => s.text);
    const key = code.join('\n').match(/localizePage\('(\w+)'\)/)?.[1];
    expect(key, `${dir}: localizePage(…) sets the title`).toBeDefined();
    // The HTML keeps the English title for the instant before the script runs.
    expect(read(html).match(/<title>(.*)<\/title>/)?.[1]).toBe(MESSAGES[key!]!.message);
  });
});

describe('no hard-coded English in components', () => {
  /**
   * Words that are the same in every language, so they may be written in JSX: brand names and a
   * file format. Symbols (× ▲ ★ ☆ → ← ·) need no entry: only letters are looked for.
   */
  const ALLOWED = [
    'arXiv', // the preprint server's name, also in ids ("arXiv:2401.01234")
    'GitHub', // the site's name
    'PDF', // the file format, called so everywhere
  ];
  /** Attributes a person reads or hears. */
  const READ_ATTRIBUTES = new Set([
    'aria-label',
    'aria-description',
    'aria-roledescription',
    'title',
    'placeholder',
    'alt',
    'label',
  ]);

  const hasWords = (text: string) =>
    /\p{L}/u.test(ALLOWED.reduce((s, word) => s.replace(new RegExp(`\\b${word}\\b`, 'g'), ''), text));

  /** The literal text an expression can evaluate to: `cond ? 'A' : 'B'`, `x && ' or '`, `Week of ${d}`. */
  function literalTexts(e: ts.Expression): string[] {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)];
    if (ts.isParenthesizedExpression(e)) return literalTexts(e.expression);
    if (ts.isConditionalExpression(e)) return [...literalTexts(e.whenTrue), ...literalTexts(e.whenFalse)];
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(e.right);
      if (
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.PlusToken
      )
        return [...literalTexts(e.left), ...literalTexts(e.right)];
    }
    return [];
  }

  /** Hard-coded words in a TSX file: JSX text, and literal text in JSX children or read attributes. */
  function hardCoded(source: string, name = 'x.tsx'): string[] {
    const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const check = (texts: string[], node: ts.Node) => {
      for (const text of texts) {
        if (!hasWords(text)) continue;
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${name}:${line + 1}: ${JSON.stringify(text.trim())}`);
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) check([node.text], node);
      else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
        check(literalTexts(node.expression), node);
      } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) check([init.text], node);
        else if (ts.isJsxExpression(init) && init.expression) check(literalTexts(init.expression), node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  }

  it('catches each kind of hard-coded text (the check works)', () => {
    const found = hardCoded(`
      const A = () => <p title="Upvotes" aria-label={busy ? 'Busy now' : undefined} placeholder={\`Tag \${x}\`}>Hello</p>;
      const B = () => <p>{busy ? 'Refreshing…' : t('refresh')}{i > 0 && ' or '}{n} {n === 1 ? 'paper' : 'papers'}</p>;
    `);
    expect(found.map((f) => f.replace(/^x\.tsx:\d+: /, ''))).toEqual([
      '"Upvotes"',
      '"Busy now"',
      '"Tag"',
      '"Hello"',
      '"Refreshing…"',
      '"or"',
      '"paper"',
      '"papers"',
    ]);
  });

  it('lets through messages, symbols, brand names and code', () => {
    const found = hardCoded(`
      const A = () => (
        <a class="save saved" aria-label={t('dismiss')} title={online ? undefined : t('youAreOffline')} onClick={() => go('/newtab.html')}>
          <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>× ▲ {count} · arXiv:{id} GitHub PDF {tn(n, 'aOne', 'aOther')}
          {kind === 'week' ? <b>{t('week')}</b> : null}
        </a>
      );
    `);
    expect(found).toEqual([]);
  });

  it.each([...filesUnder('components', /\.tsx$/), ...filesUnder('entrypoints', /\.tsx$/)])(
    '%s says everything through browser.i18n',
    (path) => {
      expect(hardCoded(read(path), relative(ROOT, join(ROOT, path)))).toEqual([]);
    },
  );
});

describe('t, tn, tParts', () => {
  it('give the English messages, with their substitutions', () => {
    expect(t('refresh')).toBe('Refresh');
    expect(t('statusErrorNextTry', 'Hugging Face answered HTTP 503', '14:05')).toBe(
      'Hugging Face answered HTTP 503; next try at 14:05',
    );
    expect(t('errHttp', 503)).toBe('Hugging Face answered HTTP 503');
  });

  it('insert substitutions as they are, dollars included', () => {
    expect(t('replySaved', 'Costs $1 or $$2 $COUNT$')).toBe('Saved “Costs $1 or $$2 $COUNT$”.');
  });

  it('fall back to the key, never crash, when a message is missing or i18n fails', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValueOnce('');
    expect(t('refresh')).toBe('refresh');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(() => {
      throw new Error('no i18n here');
    });
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('no i18n here');
    });
    expect(tn(3, 'papersMatchOne', 'papersMatchOther')).toBe('papersMatchOther');
    vi.restoreAllMocks();
  });

  it('tn picks the plural form by the count and passes the count as $1', () => {
    expect(tn(1, 'papersMatchOne', 'papersMatchOther')).toBe('1 paper matches');
    expect(tn(0, 'papersMatchOne', 'papersMatchOther')).toBe('0 papers match');
    expect(tn(12, 'papersMatchOne', 'papersMatchOther')).toBe('12 papers match');
    expect(tn(2, 'hiddenBelowMinOne', 'hiddenBelowMinOther', 5)).toBe('2 papers below 5 upvotes hidden.');
    expect(tn(1, 'importNoArxivIdOne', 'importNoArxivIdOther')).toBe('The BibTeX entry has no arXiv id.');
  });

  it('tParts keeps a non-text substitution where the message puts it', () => {
    const time = { element: 'time' };
    expect(tParts('publishedOn', time)).toEqual(['Published ', time]);
    expect(tParts('thisTabPaper', time)).toEqual(['This tab: ', time]);
  });

  it('formats dates in the browser language when Papertab speaks it, else in the messages’ language', () => {
    expect(intlLocale()).toBe('en-US');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    expect(intlLocale()).toBe('en-GB');
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-DE');
    expect(intlLocale()).toBe('en'); // no German messages yet: "Updated 5 minutes ago", not "Updated vor 5 Minuten"
    vi.restoreAllMocks();
  });
});

describe('the test double of browser.i18n.getMessage (Chrome semantics)', () => {
  it('fills named placeholders through their $n content, case-insensitively', () => {
    expect(fakeGetMessage('SEEDAYPAPERS', ['Friday, Nov 21', '24'])).toBe('See Friday, Nov 21 (24 papers)');
  });

  it('gives "" for an unknown name and nothing for a missing substitution', () => {
    expect(fakeGetMessage('noSuchMessage')).toBe('');
    expect(fakeGetMessage('replySaved')).toBe('Saved “”.');
  });

  it('accepts a single string as the only substitution', () => {
    expect(fakeGetMessage('notifyTop', 'A paper')).toBe('Top: A paper');
  });
});

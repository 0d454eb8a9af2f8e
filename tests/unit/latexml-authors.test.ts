// arXiv's HTML rendering: names after a line break are names when they look like names, and
// affiliations are known by their marks and their own elements, not by their place (issue 21).
import { describe, expect, it } from 'vitest';
import { readPageMeta } from '@/lib/paper-page/read-page';
import { pageBibtex } from '@/lib/paper-page/copy-bibtex';
import { looksLikeName } from '@/lib/paper-page/latexml-names';
import { HTML_2501_11120, HTML_2501_11120_URL } from '../fixtures/arxiv-html-2501.11120';
import { readBibtex } from '../support/real-parsers';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const SIX = ['Jan Betley', 'Xuchan Bao', 'Martín Soto', 'Anna Sztyber-Betley', 'James Chua', 'Owain Evans'];

describe('2501.11120v1: six authors, the sixth after a line break', () => {
  const meta = readPageMeta(parse(HTML_2501_11120), new URL(HTML_2501_11120_URL));

  it('saves all six authors, and none of the affiliations', () => {
    expect(meta.authors).toEqual(SIX);
    expect(meta.primaryClass).toBe('cs.CL');
  });

  it('the copied BibTeX has all six authors (read back by a reference manager’s parser)', () => {
    const { records, problems } = readBibtex(pageBibtex('2501.11120', meta));
    expect(problems).toEqual([]);
    expect(records[0]?.authors).toHaveLength(6);
    expect(records[0]?.authors.at(-1)).toMatch(/Evans/);
  });
});

describe('a line after a break, in one ltx_personname', () => {
  const page = (inner: string) =>
    parse(`<!DOCTYPE html><html><body><div class="ltx_authors"><span class="ltx_creator ltx_role_author">
<span class="ltx_personname">${inner}</span></span></div></body></html>`);
  const authors = (inner: string) => readPageMeta(page(inner), new URL('https://arxiv.org/html/2404.12345v2')).authors;

  it.each([
    ['an institution with no mark', 'Ada Lovelace<br class="ltx_break">Truthful AI'],
    ['an institution named by its words', 'Ada Lovelace<br class="ltx_break">Analytical Engines Ltd.'],
    ['a line opening with a mark', 'Ada Lovelace<sup>1</sup><br class="ltx_break"><sup>1</sup>Bletchley Park'],
    ['an e-mail address', 'Ada Lovelace<br class="ltx_break">ada.lovelace@example.org'],
    [
      'an affiliation element',
      'Ada Lovelace<br class="ltx_break"><span class="ltx_contact ltx_role_affiliation">Bletchley Park</span>',
    ],
    ['an address of many pieces', 'Ada Lovelace<br class="ltx_break">Mountain View, CA 94043'],
  ])('is no name: %s', (_, inner) => {
    expect(authors(inner)).toEqual(['Ada Lovelace']);
  });

  it('holds names when they look like names, marked or not, several to a line', () => {
    expect(
      authors(
        'Ada Lovelace<sup>1</sup><br class="ltx_break">Alan Turing<sup>2</sup>, Grace B. Hopper and Ludwig van Beethoven<br class="ltx_break"><sup>1</sup>University of London',
      ),
    ).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace B. Hopper', 'Ludwig van Beethoven']);
  });

  it.each(['Owain Evans', "Conan O'Brien", 'Lev McKinney', 'Daniel C.H. Tan', 'Martín Soto', 'Anna Sztyber-Betley'])(
    '%s looks like a name',
    (name) => expect(looksLikeName(name)).toBe(true),
  );
  it.each(['UC Berkeley', 'Truthful AI', 'Google DeepMind', 'Stanford University', 'Owain', 'Equal contribution'])(
    '%s does not',
    (name) => expect(looksLikeName(name)).toBe(false),
  );
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { findPlacement, readPageMeta } from '@/lib/paper-page/read-page';
import { PageMetaSchema } from '@/lib/core/save-request';

const HF_URL = new URL('https://huggingface.co/papers/2404.12345');
const ABS_URL = new URL('https://arxiv.org/abs/2404.12345v2');
const HTML_URL = new URL('https://arxiv.org/html/2404.12345v2');

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A Hugging Face paper page, shaped like the real one (and the e2e stand-in). */
function hfPage({ title = 'Origami Folding with Language Models', abstract = 'We fold paper.' } = {}) {
  return parse(`<!DOCTYPE html><html><head><title>Paper page - ${esc(title)}</title></head>
<body><header><nav><a href="/">Hugging Face</a></nav></header><main>
<section class="pt-8 md:col-span-7 pb-24 relative">
<h1 class="mb-2 text-2xl font-semibold">${esc(title)}</h1>
<div class="authors"><span class="author">Ada Lovelace</span>, <span class="author">Alan Turing</span></div>
<h2>Abstract</h2>
<p class="text-gray-600">${esc(abstract)}</p>
<a href="https://arxiv.org/abs/2404.12345">View arXiv page</a>
</section></main></body></html>`);
}

interface AbsOptions {
  title?: string;
  authors?: string[];
  date?: string;
  abstract?: string;
  citationTags?: boolean;
  accessList?: boolean;
  /** The "Subjects:" cell, primary subject first (as arXiv writes it). */
  subjects?: string;
}

/** An arXiv abstract page: citation_* tags, a subject h1 before the title h1, the "Access Paper" list. */
function absPage({
  title = 'Origami Folding with Language Models',
  authors = ['Lovelace, Ada', 'Turing, Alan M.'],
  date = '2024/04/19',
  abstract = 'We fold paper.',
  citationTags = true,
  accessList = true,
  subjects = '<span class="primary-subject">Machine Learning (cs.LG)</span>; Computation and Language (cs.CL)',
}: AbsOptions = {}) {
  const tags = citationTags
    ? `<meta name="citation_title" content="${esc(title)}">
${authors.map((a) => `<meta name="citation_author" content="${esc(a)}">`).join('\n')}
<meta name="citation_date" content="${esc(date)}">
<meta name="citation_online_date" content="2024/04/22">
<meta name="citation_abstract" content="${esc(abstract)}">`
    : '';
  return parse(`<!DOCTYPE html><html><head><title>[2404.12345] ${esc(title)}</title>${tags}</head>
<body><div id="abs-outer"><div class="leftcolumn">
<div class="subheader"><h1>Computer Science &gt; Machine Learning</h1></div>
<div id="abs">
<h1 class="title mathjax"><span class="descriptor">Title:</span>${esc(title)}</h1>
<div class="authors"><span class="descriptor">Authors:</span><a href="#">Ada Lovelace</a>, <a href="#">Alan M. Turing</a></div>
<blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>${esc(abstract)}</blockquote>
<div class="metatable"><table><tr><td class="tablecell label">Subjects:</td><td class="tablecell subjects">${subjects}</td></tr></table></div>
</div></div>
${
  accessList
    ? `<div class="extra-services"><div class="full-text"><h2>Access Paper:</h2><ul>
<li><a href="/pdf/2404.12345v2">View PDF</a></li>
<li><a href="https://arxiv.org/html/2404.12345v2">HTML (experimental)</a></li>
</ul></div></div>`
    : ''
}
</div></body></html>`);
}

/** arXiv's HTML rendering of a paper (LaTeXML). */
function arxivHtmlPage() {
  return parse(`<!DOCTYPE html><html><head><title>Origami Folding with Language Models</title></head>
<body><header class="desktop_header"><a href="https://arxiv.org/abs/2404.12345v2">Back to abstract page</a></header>
<div class="ltx_page_main"><article class="ltx_document">
<h1 class="ltx_title ltx_title_document">Origami Folding with Language Models</h1>
<div class="ltx_authors">
<span class="ltx_creator ltx_role_author"><span class="ltx_personname">Ada Lovelace<sup class="ltx_sup">1</sup>, Alan Turing<sup class="ltx_sup">2</sup>
<br class="ltx_break">University of London<br class="ltx_break"><span class="ltx_text ltx_font_typewriter">ada@example.org</span>
</span><span class="ltx_author_notes"><span class="ltx_contact ltx_role_affiliation">University of London</span></span></span>
<span class="ltx_author_before">   </span><span class="ltx_creator ltx_role_author"><span class="ltx_personname">Grace Hopper and Katherine Johnson<span class="ltx_note ltx_role_footnote"><sup>†</sup>Equal contribution.</span></span></span>
</div>
<div class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6>
<p class="ltx_p">We fold paper.</p><p class="ltx_p">Then we unfold it.</p></div>
</article></div></body></html>`);
}

describe('where the Save button goes', () => {
  it('on Hugging Face: right after the paper title', () => {
    const doc = hfPage();
    expect(findPlacement(doc, HF_URL)).toEqual({ where: 'after', anchor: doc.querySelector('main h1') });
  });

  it('on Hugging Face: after the title in the main content, not a heading before it', () => {
    const doc = hfPage();
    const banner = doc.createElement('h1');
    banner.textContent = 'Daily Papers';
    doc.body.prepend(banner);
    expect(findPlacement(doc, HF_URL)).toEqual({ where: 'after', anchor: doc.querySelector('main h1') });
    expect(readPageMeta(doc, HF_URL).title).toBe('Origami Folding with Language Models');
  });

  it('on an arXiv abstract page: in the "Access Paper" list, beside "View PDF"', () => {
    const doc = absPage();
    expect(findPlacement(doc, ABS_URL)).toEqual({
      where: 'append',
      anchor: doc.querySelector('.extra-services .full-text ul'),
    });
  });

  it('on an arXiv abstract page without that list: after the paper title, not the subject heading', () => {
    const doc = absPage({ accessList: false });
    expect(findPlacement(doc, ABS_URL)).toEqual({ where: 'after', anchor: doc.querySelector('h1.title') });
  });

  it("on arXiv's HTML rendering: after the document title", () => {
    const doc = arxivHtmlPage();
    expect(findPlacement(doc, HTML_URL)).toEqual({ where: 'after', anchor: doc.querySelector('h1.ltx_title') });
  });

  it('floats when the page has nothing to anchor to (a redesign, a loading page)', () => {
    const bare = parse('<!DOCTYPE html><html><body><div>Loading…</div></body></html>');
    expect(findPlacement(bare, HF_URL)).toEqual({ where: 'floating' });
    expect(findPlacement(bare, ABS_URL)).toEqual({ where: 'floating' });
  });
});

describe('what a page says about its paper', () => {
  it('arXiv: title, abstract and date from the citation tags, authors turned from "Last, First" to "First Last"', () => {
    expect(readPageMeta(absPage(), ABS_URL)).toEqual({
      title: 'Origami Folding with Language Models',
      authors: ['Ada Lovelace', 'Alan M. Turing'],
      publishedAt: '2024/04/19',
      abstract: 'We fold paper.',
      primaryClass: 'cs.LG',
    });
  });

  it('arXiv: the primary category only from its own cell and only when it looks like one', () => {
    const primary = (subjects: string) => readPageMeta(absPage({ subjects }), ABS_URL).primaryClass;
    expect(primary('<span class="primary-subject">High Energy Physics - Theory (hep-th)</span>')).toBe('hep-th');
    expect(primary('<span class="primary-subject">Algebraic Geometry (math.AG)</span>')).toBe('math.AG');
    expect(primary('Machine Learning (cs.LG)')).toBeUndefined(); // not marked primary
    expect(primary('<span class="primary-subject">Evil (cs.LG}, note = {x)</span>')).toBeUndefined();
  });

  it('arXiv: a single-word author name stays as it is', () => {
    expect(readPageMeta(absPage({ authors: ['Plato', 'Turing, Alan'] }), ABS_URL).authors).toEqual([
      'Plato',
      'Alan Turing',
    ]);
  });

  it('arXiv without citation tags: the visible title and abstract, without their "Title:"/"Abstract:" labels', () => {
    expect(readPageMeta(absPage({ citationTags: false, subjects: '' }), ABS_URL)).toEqual({
      title: 'Origami Folding with Language Models',
      abstract: 'We fold paper.',
    });
  });

  it("arXiv's HTML rendering (no citation tags): the document title, the authors' names without affiliations or marks, the abstract's paragraphs", () => {
    expect(readPageMeta(arxivHtmlPage(), HTML_URL)).toEqual({
      title: 'Origami Folding with Language Models',
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Katherine Johnson'],
      abstract: 'We fold paper.\n\nThen we unfold it.',
    });
  });

  it("arXiv's HTML rendering with citation tags: the tags win", () => {
    const doc = arxivHtmlPage();
    for (const [name, content] of [
      ['citation_title', 'The Real Title'],
      ['citation_author', 'Curie, Marie'],
    ]) {
      const tag = doc.createElement('meta');
      tag.name = name!;
      tag.content = content!;
      doc.head.append(tag);
    }
    expect(readPageMeta(doc, HTML_URL)).toMatchObject({ title: 'The Real Title', authors: ['Marie Curie'] });
  });

  it('Hugging Face: the h1 title and the abstract paragraph', () => {
    expect(readPageMeta(hfPage(), HF_URL)).toEqual({
      title: 'Origami Folding with Language Models',
      abstract: 'We fold paper.',
    });
  });

  it('a page with nothing to read gives nothing, rather than empty strings', () => {
    expect(readPageMeta(parse('<!DOCTYPE html><html><body></body></html>'), HF_URL)).toEqual({});
    expect(readPageMeta(parse('<!DOCTYPE html><html><body></body></html>'), ABS_URL)).toEqual({});
  });

  it('hostile text stays text: markup in a title or tag is read, never parsed', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Hostile <b>title</b>';
    const hf = hfPage({ title: hostile });
    expect(readPageMeta(hf, HF_URL).title).toBe(hostile);
    const abs = absPage({ title: hostile, authors: ['<script>alert(1)</script>, Mallory'] });
    expect(readPageMeta(abs, ABS_URL)).toMatchObject({
      title: hostile,
      authors: ['Mallory <script>alert(1)</script>'],
    });
    expect(hf.querySelector('img')).toBeNull();
  });

  it('long values are cut to what the background accepts', () => {
    const meta = readPageMeta(
      absPage({
        title: 'T'.repeat(5000),
        abstract: 'A'.repeat(30_000),
        authors: [...Array.from({ length: 1200 }, (_, i) => `Author${i}, A`), `${'L'.repeat(400)}, F`],
        date: `2024/04/19${' junk'.repeat(20)}`,
      }),
      ABS_URL,
    );
    expect(meta.title).toHaveLength(1000);
    expect(meta.abstract).toHaveLength(20_000);
    expect(meta.authors).toHaveLength(1000);
    expect(meta.publishedAt).toHaveLength(40);
    expect(v.safeParse(PageMetaSchema, meta).success).toBe(true);

    const longAuthor = readPageMeta(absPage({ authors: [`${'L'.repeat(400)}, F`] }), ABS_URL).authors?.[0];
    expect(longAuthor).toHaveLength(300);
  });
});

describe("arXiv's HTML rendering: names as LaTeXML marks them up", () => {
  /** A LaTeXML page, as arxiv.org/html serves it, with the given author block and id line. */
  function latexml(authors: string, idLine = 'arXiv:2404.12345v2 [cs.CL] 23 Jan 2024') {
    return parse(`<!DOCTYPE html><html lang="en"><head><title>Origami Folding with Language Models</title></head>
<body><header class="desktop_header"><a href="https://arxiv.org/abs/2404.12345v2">Back to abstract page</a></header>
<div class="ltx_page_main">
<div id="infobox" class="infobox">
  <a id="license-tr" href="https://info.arxiv.org/help/license/index.html#licenses-available">License: CC BY 4.0</a>
  <div id="watermark-tr">
${idLine}</div>
</div><div class="ltx_page_content">
<article class="ltx_document ltx_authors_1line">
<h1 class="ltx_title ltx_title_document">Origami Folding with Language Models</h1>
<div class="ltx_authors">
${authors}
</div>
<div id="abstract1" class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6>
<p id="abstract1.1" class="ltx_p">We fold paper.</p></div>
</article></div></div></body></html>`);
  }
  const authorsOf = (doc: Document) => readPageMeta(doc, HTML_URL).authors;

  it('a single author, affiliation and e-mail after a line break', () => {
    const doc = latexml(`<span class="ltx_creator ltx_role_author">
<span class="ltx_personname">Ada Lovelace
<br class="ltx_break">Analytical Engines Ltd.
<br class="ltx_break"><span id="id1.1.id1" class="ltx_text ltx_font_typewriter">ada@example.org</span>
</span><span class="ltx_author_notes">Equal contribution.</span></span>`);
    expect(authorsOf(doc)).toEqual(['Ada Lovelace']);
  });

  it('many authors in one element, one per line, affiliations in the notes', () => {
    const doc = latexml(`<span class="ltx_creator ltx_role_author">
<span class="ltx_personname">Ada Lovelace,
Alan Turing,
Grace Hopper,
Katherine Johnson,
Edsger Dijkstra
</span><span class="ltx_author_notes"><span class="ltx_author_notes_content">
<span class="ltx_contact ltx_role_affiliation"><span class="ltx_contact_name">Affiliation:&nbsp;</span>
University of London
<br class="ltx_break">{ada, alan}@example.org
</span></span></span></span>`);
    expect(authorsOf(doc)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
      'Katherine Johnson',
      'Edsger Dijkstra',
    ]);
  });

  it('six authors in one element with affiliation marks nested in <sup> (marks like "1,3"), then affiliations', () => {
    const mark = (m: string) =>
      `<span class="ltx_text" style="position:relative; bottom:0.0pt;"><sup class="ltx_sup"><span class="ltx_text" style="font-size:80%;">${m}</span></sup></span>`;
    const doc = latexml(`<span class="ltx_creator ltx_role_author">
<span class="ltx_personname">
Ada Lovelace${mark('1,3')}, Alan Turing<sup class="ltx_sup">2</sup>,
Grace Hopper<sup class="ltx_sup"><span class="ltx_text ltx_font_italic">1,</span><span class="ltx_text">∗</span></sup>, Katherine Johnson${mark('3')}
Edsger Dijkstra${mark('2,3')} and Barbara Liskov<math class="ltx_Math" alttext="{}^{1}" display="inline"><semantics><msup><mi></mi><mn>1</mn></msup><annotation encoding="application/x-tex">{}^{1}</annotation></semantics></math>
<br class="ltx_break"><sup class="ltx_sup">1</sup>University of London, <sup class="ltx_sup">2</sup>Bletchley Park, <sup class="ltx_sup">3</sup>Yale
</span></span>`);
    expect(authorsOf(doc)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
      'Katherine Johnson',
      'Edsger Dijkstra',
      'Barbara Liskov',
    ]);
  });

  it('one ltx_role_author span per author, with footnote marks, and names split by wide spaces', () => {
    const doc = latexml(`<span class="ltx_creator ltx_role_author">
<span class="ltx_personname">Ada Lovelace<span id="footnotex1" class="ltx_note ltx_role_footnotemark"><sup class="ltx_note_mark">1</sup><span class="ltx_note_outer"><span class="ltx_note_content"><sup class="ltx_note_mark">1</sup><span class="ltx_note_type">footnotemark: </span><span class="ltx_tag ltx_tag_note">1</span></span></span></span>
<br class="ltx_break">University of London
</span></span>
<span class="ltx_author_before">&nbsp;&nbsp;</span><span class="ltx_creator ltx_role_author">
<span class="ltx_personname"><span class="ltx_text ltx_font_bold">Alan Turing<sup class="ltx_sup"><span class="ltx_text ltx_font_medium">∗</span></sup>\u2003\u2003Grace Hopper\u2003\u2003Jr. Smith, Jr.</span>
</span></span>
<span class="ltx_creator ltx_role_editor"><span class="ltx_personname">Ed Itor</span></span>`);
    expect(authorsOf(doc)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Jr. Smith, Jr.']);
  });

  it('the id line gives the primary category and the date', () => {
    expect(readPageMeta(latexml('<span class="ltx_personname">Ada Lovelace</span>'), HTML_URL)).toEqual({
      title: 'Origami Folding with Language Models',
      authors: ['Ada Lovelace'],
      abstract: 'We fold paper.',
      primaryClass: 'cs.CL',
      publishedAt: '2024-01-23',
    });
  });

  it.each([
    ['another paper', 'arXiv:2401.99999v1 [cs.CL] 23 Jan 2024'],
    ['no id line', ''],
    ['a category that is no category', 'arXiv:2404.12345v2 [cs.CL}, x={] 23 Jan 2024'],
  ])('an id line naming %s is not used', (_, line) => {
    const meta = readPageMeta(latexml('<span class="ltx_personname">Ada Lovelace</span>', line), HTML_URL);
    expect(meta.primaryClass).toBeUndefined();
    expect(meta.publishedAt).toBeUndefined();
  });

  it('what it reads passes the background’s schema', () => {
    const meta = readPageMeta(latexml('<span class="ltx_personname">Ada Lovelace</span>'), HTML_URL);
    expect(v.safeParse(PageMetaSchema, meta).success).toBe(true);
  });
});

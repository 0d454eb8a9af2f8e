/**
 * What a user does on Papertab's pages, as small steps over the driver (driver.ts), for the
 * scenarios in tests/scenarios/. Each names the control the way the user reads it, so when the UI
 * moves a control (into a card's menu, say) only the step here changes, not the scenarios.
 */
import { byName, pageSaveState, poll, waitIn, type Driver, type Tab } from './driver';

let marks = 0;

/**
 * A selector for the control of the card headed `title` whose visible text or aria-label is `name`
 * (a string is matched whole). When the card shows no such control, it is looked for in the card's
 * menu ("More …", aria-haspopup="menu"), which is opened with a real click.
 */
export async function cardControl(tab: Tab, title: string, name: string | RegExp): Promise<string> {
  const mark = `c${++marks}`;
  const source = typeof name === 'string' ? { s: name } : { re: name.source, flags: name.flags };
  let menuOpened = false;
  for (;;) {
    const found = await waitIn(
      tab,
      `“${String(name)}” on the card “${title}”`,
      ({ title, source, mark, menuOpened }) => {
        const card = [...document.querySelectorAll('article')].find(
          (a) => a.querySelector('h2, h3')?.textContent?.trim() === title,
        );
        if (!card) return '';
        const matches = (s: string | null | undefined) => {
          const n = (s ?? '').trim().replace(/\s+/g, ' ');
          return source.re !== undefined ? new RegExp(source.re, source.flags).test(n) : n === source.s;
        };
        const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? true;
        // Its text without the parts hidden from assistive technology (icons).
        const text = (node: Node): string =>
          node instanceof Element && node.getAttribute('aria-hidden') === 'true'
            ? ''
            : node.nodeType === Node.TEXT_NODE
              ? (node.textContent ?? '')
              : [...node.childNodes].map(text).join('');
        const control = [...card.querySelectorAll('button, a, [role="menuitem"], select, input, textarea')].find(
          (el) => visible(el) && (matches(text(el)) || matches(el.getAttribute('aria-label'))),
        );
        if (control) {
          control.setAttribute('data-e2e', mark);
          return 'control';
        }
        if (menuOpened) return '';
        const menus = [...card.querySelectorAll('button[aria-haspopup="menu"]')].filter(
          (b) => visible(b) && b.getAttribute('aria-expanded') !== 'true',
        );
        const menu = menus.find((b) => /^More\b/.test(b.getAttribute('aria-label') ?? b.textContent ?? '')) ?? menus[0];
        if (!menu) return '';
        menu.setAttribute('data-e2e', `${mark}-menu`);
        return 'menu';
      },
      { title, source, mark, menuOpened },
    );
    if (found === 'control') return `[data-e2e="${mark}"]`;
    await tab.click(`[data-e2e="${mark}-menu"]`);
    menuOpened = true;
  }
}

/** Clicks the control named `name` on the card headed `title` (opening the card's menu if needed). */
export async function cardAction(tab: Tab, title: string, name: string | RegExp): Promise<void> {
  await tab.click(await cardControl(tab, title, name));
}

/** The whole text of the card headed `title` ('' while there is none). */
export function cardText(tab: Tab, title: string): Promise<string> {
  return tab.evaluate(
    (t) =>
      [...document.querySelectorAll('article')].find((a) => a.querySelector('h2, h3')?.textContent?.trim() === t)
        ?.textContent ?? '',
    title,
  );
}

/** aria-pressed of the element `selector` matches (null while there is none). */
export function pressedState(tab: Tab, selector: string): Promise<string | null> {
  return tab.evaluate((s) => document.querySelector(s)?.getAttribute('aria-pressed') ?? null, selector);
}

/** Waits until the toggle `selector` says aria-pressed=`value`. */
export async function waitPressed(tab: Tab, selector: string, value: boolean): Promise<void> {
  await poll(
    () => pressedState(tab, selector),
    `${selector} to be ${value ? 'pressed' : 'not pressed'}`,
    (v) => v === String(value),
  );
}

/** Clicks the card's Save toggle and waits until it says `saved`. */
export async function toggleSave(tab: Tab, title: string, saved = true): Promise<void> {
  const save = await cardControl(tab, title, /^Saved?$/);
  await tab.click(save);
  await waitPressed(tab, save, saved);
}

/** The ids of the papers shown (articles carry data-paper-id), in order. */
export function shownIds(tab: Tab): Promise<string[]> {
  return tab.evaluate(() =>
    [...document.querySelectorAll('main article')].map((a) => a.getAttribute('data-paper-id') ?? ''),
  );
}

/** Waits until the shown papers' titles satisfy `done`; returns them. */
export function waitTitles(tab: Tab, what: string, done: (titles: string[]) => boolean): Promise<string[]> {
  return poll(
    () => tab.evaluate(() => [...document.querySelectorAll('main article h2')].map((h) => h.textContent?.trim() ?? '')),
    what,
    done,
  );
}

/** Waits until the page's text contains `text` (or matches it). */
export function waitText(tab: Tab, text: string | RegExp): Promise<string> {
  const source = typeof text === 'string' ? { s: text } : { re: text.source, flags: text.flags };
  return waitIn(
    tab,
    `the page to say ${String(text)}`,
    (src) => {
      const body = document.body.innerText;
      if (src.re === undefined) return body.includes(src.s!) ? src.s! : '';
      return new RegExp(src.re, src.flags).exec(body)?.[0] ?? '';
    },
    source,
  );
}

/** Waits until the page's first status line (where the feed's state is said) matches `text`. */
export function statusSays(tab: Tab, text: RegExp, timeoutMs?: number): Promise<boolean> {
  return waitIn(
    tab,
    `the status to say ${String(text)}`,
    (src) => new RegExp(src).test(document.querySelector('[role="status"]')?.textContent ?? ''),
    text.source,
    timeoutMs,
  );
}

/** Waits until the keyboard-help dialog (`?`) is open, or closed. */
export async function waitHelp(tab: Tab, open: boolean): Promise<void> {
  await poll(
    () => tab.evaluate(() => document.querySelector<HTMLDialogElement>('dialog.help')?.open ?? false),
    `the keyboard help ${open ? 'open' : 'closed'}`,
    (o) => o === open,
  );
}

/** Clicks the page's button (or link) the user finds by that name, anywhere on the page. */
export async function press(tab: Tab, name: string | RegExp, css = 'button'): Promise<void> {
  await tab.click(await byName(tab, css, name));
}

/** Number of papers shown. */
export function paperCount(tab: Tab): Promise<number> {
  return tab.evaluate(() => document.querySelectorAll('main article').length);
}

/** Waits until `count` papers are shown. */
export function waitCount(tab: Tab, count: number): Promise<number> {
  return poll(
    () => paperCount(tab),
    `${count} papers shown`,
    (n) => n === count,
  );
}

/**
 * A selector for the form field (input, textarea, select) whose label — its aria-label, its
 * <label>, or aria-labelledby — is `label` (a string is matched whole); inside the card headed
 * `within` if given.
 */
export function field(tab: Tab, label: string | RegExp, within?: string): Promise<string> {
  const mark = `f${++marks}`;
  const source = typeof label === 'string' ? { s: label } : { re: label.source, flags: label.flags };
  return waitIn(
    tab,
    `a field labelled ${String(label)}${within ? ` on the card “${within}”` : ''}`,
    ({ source, mark, within }) => {
      const clean = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ');
      const matches = (s: string) =>
        source.re !== undefined ? new RegExp(source.re, source.flags).test(s) : s === source.s;
      const names = (el: HTMLInputElement) => [
        clean(el.getAttribute('aria-label')),
        // A <label> wrapping its field: its own words, not the field's (a select's options).
        ...[...(el.labels ?? [])].map((l) => {
          const words = l.cloneNode(true) as Element;
          words.querySelectorAll('input, textarea, select').forEach((f) => f.remove());
          return clean(words.textContent);
        }),
        clean(
          (el.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .map((id) => (id ? document.getElementById(id)?.textContent : ''))
            .join(' '),
        ),
      ];
      const root = within
        ? [...document.querySelectorAll('article')].find(
            (a) => a.querySelector('h2, h3')?.textContent?.trim() === within,
          )
        : document;
      const el = [...(root?.querySelectorAll<HTMLInputElement>('input, textarea, select') ?? [])].find((e) =>
        names(e).some((n) => n && matches(n)),
      );
      if (!el) return '';
      // By its id when it has one: a field re-created by its page (a new key) keeps it, not a mark.
      if (el.id) return `#${CSS.escape(el.id)}`;
      el.setAttribute('data-e2e', mark);
      return `[data-e2e="${mark}"]`;
    },
    { source, mark, within },
  );
}

/** Replaces the field's text by typing `text` (all of it selected first, as a user would). */
export async function fill(tab: Tab, selector: string, text: string): Promise<void> {
  // Firefox can drop the first key sent to a tab just brought to the front (a run typed "50" and the
  // field read "0"): what the field holds is checked, and the typing done again, as a person would.
  for (let attempt = 1; ; attempt++) {
    await tab.evaluate((s) => {
      const el = document.querySelector<HTMLInputElement>(s);
      el?.focus();
      el?.select();
    }, selector);
    if (text) await tab.type(selector, text);
    else await tab.press('Backspace');
    if ((await valueOf(tab, selector)) === text || attempt === 3) return;
  }
}

/** Whether the box or radio `selector` is checked (null while there is none). */
export const checked = (tab: Tab, selector: string) =>
  tab.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked ?? null, selector);

/** Checks or unchecks the box or radio labelled `label` with a click, as a person does. */
export async function setChecked(tab: Tab, label: string | RegExp, on = true): Promise<void> {
  const box = await field(tab, label);
  if ((await checked(tab, box)) !== on) await tab.click(box);
  await poll(
    () => checked(tab, box),
    `${String(label)} ${on ? 'checked' : 'unchecked'}`,
    (v) => v === on,
  );
}

/** The value of the field `selector` ('' while there is none). */
export function valueOf(tab: Tab, selector: string): Promise<string> {
  return tab.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.value ?? '', selector);
}

/** Opens the new tab's one "Order and filters" control (the order, With code, the layout) if it is closed. */
export async function openOrderAndFilters(tab: Tab): Promise<void> {
  const expanded = await tab.evaluate(
    () => document.querySelector('.view-options-button')?.getAttribute('aria-expanded') ?? null,
  );
  if (expanded !== 'true') await tab.click('.view-options-button');
}

export type Layout = 'Comfortable' | 'Compact' | 'Grid';

/** Chooses the new tab's layout through "Order and filters", as a person would; waits until it shows. */
export async function chooseLayout(tab: Tab, name: Layout): Promise<void> {
  await openOrderAndFilters(tab);
  const button = await byName(tab, '[role="group"][aria-label="Layout"] button', name);
  await tab.click(button);
  await waitPressed(tab, button, true);
  await tab.press('Escape');
  const want = { Comfortable: 'glance', Compact: 'glance compact', Grid: 'glance grid' }[name];
  await poll(
    () => tab.evaluate(() => document.querySelector('main')?.className ?? ''),
    `the ${name} layout`,
    (c) => c === want,
  );
}

// --- the reading list ----------------------------------------------------------------------------

/** Opens the reading list and waits until it has loaded (its heading counts the papers). */
export async function openReadingList(driver: Driver): Promise<Tab> {
  const list = await driver.openExtensionPage('reading-list.html');
  await waitIn(list, 'the reading list loaded', () => document.querySelector('h1 .count') !== null);
  return list;
}

/** Waits until the papers shown are `ids` (any order unless `ordered`); returns them. */
export function waitIds(tab: Tab, ids: string[], ordered = false): Promise<string[]> {
  const want = ordered ? ids.join() : [...ids].sort().join();
  return poll(
    () => shownIds(tab),
    `the papers shown to be ${ids.join(', ')}`,
    (shown) => (ordered ? shown.join() : [...shown].sort().join()) === want,
  );
}

/**
 * Opens in place the whole note, status and tags of the saved paper headed `title`: at rest the
 * reading list shows only the note's first line, the button that opens them.
 */
export async function openSavedDetails(tab: Tab, title: string): Promise<void> {
  const toggle = await cardControl(tab, title, /^(Note: |Add a note$)/);
  const open = await tab.evaluate((s) => document.querySelector(s)?.getAttribute('aria-expanded') ?? null, toggle);
  if (open !== 'true') await tab.click(toggle);
}

/** Sets the reading status (to-read, reading, read) of the saved paper headed `title`. */
export async function setReadingStatus(tab: Tab, title: string, status: string): Promise<void> {
  await openSavedDetails(tab, title);
  const select = await field(tab, 'Status', title);
  await tab.select(select, status);
  await poll(
    () => valueOf(tab, select),
    `the status “${status}” shown`,
    (v) => v === status,
  );
}

/** The reading status shown for the saved paper headed `title`. */
export async function readingStatus(tab: Tab, title: string): Promise<string> {
  return valueOf(tab, await field(tab, 'Status', title));
}

/** Adds a tag to the saved paper headed `title`, as typed and entered; waits until it is shown. */
export async function addTagTo(tab: Tab, title: string, tag: string): Promise<void> {
  await openSavedDetails(tab, title);
  await tab.type(await field(tab, `Add a tag to “${title}”`), tag);
  await tab.press('Enter');
  await poll(
    () => tagsOf(tab, title),
    `the tag “${tag}” shown`,
    (tags) => tags.includes(tag),
  );
}

/** The tags shown on the saved paper headed `title`. */
export function tagsOf(tab: Tab, title: string): Promise<string[]> {
  return tab.evaluate(
    (t) =>
      [
        ...([...document.querySelectorAll('article')]
          .find((a) => a.querySelector('h2, h3')?.textContent?.trim() === t)
          ?.querySelectorAll('ul[aria-label="Tags"] li') ?? []),
      ].map((li) => li.firstChild?.textContent?.trim() ?? ''),
    title,
  );
}

/** Writes the note of the saved paper headed `title` (replacing what it said), then leaves the field. */
export async function writeNote(tab: Tab, title: string, text: string): Promise<void> {
  await openSavedDetails(tab, title);
  const note = await field(tab, 'Note', title);
  await fill(tab, note, text);
  // Leaving the field saves at once (typing saves after a pause).
  await tab.evaluate((s) => document.querySelector<HTMLElement>(s)?.blur(), note);
}

/** The note shown on the saved paper headed `title`. */
export async function noteOf(tab: Tab, title: string): Promise<string> {
  return valueOf(tab, await field(tab, 'Note', title));
}

/** Removes the saved paper headed `title` from the reading list; waits until it is gone. */
export async function removeSaved(tab: Tab, title: string): Promise<void> {
  await cardAction(tab, title, 'Remove');
  await poll(
    () => cardText(tab, title),
    `“${title}” removed`,
    (text) => text === '',
  );
}

// --- paper pages ---------------------------------------------------------------------------------

/** Waits until the paper page's Save button says `state` ('true': Saved). */
export function pageSays(tab: Tab, state: 'true' | 'false'): Promise<string | null> {
  return poll(
    () => pageSaveState(tab),
    `the page's Save to be ${state === 'true' ? 'Saved' : 'not pressed'}`,
    (s) => s === state,
  );
}

/** Opens a paper's page (huggingface.co or arXiv) and waits for its Save button to say `state`. */
export async function openPaperPage(driver: Driver, url: string, state: 'true' | 'false'): Promise<Tab> {
  const tab = await driver.openWebPage(url);
  await pageSays(tab, state);
  return tab;
}

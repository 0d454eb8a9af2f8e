/**
 * axe-core accessibility checks for end-to-end tests. Extension pages have a CSP (script-src 'self')
 * that blocks injected <script> tags, so axe is evaluated through DevTools (page.evaluate), which the
 * page's CSP does not govern.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, NodeResult } from 'axe-core';
import type { Tab } from './driver';

export interface Violation {
  id: string;
  impact: string;
  help: string;
  /** One line per offending element: its selector, and the details axe gives (e.g. the contrast ratio). */
  nodes: string[];
}

let source: Promise<string> | undefined;
const axeSource = (): Promise<string> =>
  (source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe on the page as it is now and returns the serious and critical violations (WCAG 2.x A/AA and best practice). */
export async function seriousViolations(target: Page | Tab): Promise<Violation[]> {
  // A Playwright page, or a scenario's tab in either browser (tests/support/driver.ts).
  const page: Pick<Tab, 'evaluate' | 'run'> =
    'run' in target
      ? target
      : { evaluate: (fn, arg) => target.evaluate(fn as never, arg), run: (source) => target.evaluate(source) };
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.run(`${await axeSource()}\n;void 0`);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map(describeNode) }));
}

function describeNode(n: NodeResult): string {
  const detail = [...n.any, ...n.all, ...n.none]
    .map((c) => c.message)
    .filter(Boolean)
    .join('; ');
  return `${n.target.join(' ')}${detail ? ` — ${detail}` : ''}`;
}

/** Violations as readable text, for a failing assertion's message. */
export function formatViolations(label: string, violations: Violation[]): string {
  if (violations.length === 0) return `${label}: no serious or critical violations`;
  return [
    `${label}: ${violations.length} serious/critical axe violation(s)`,
    ...violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    - ${n}`).join('\n')}`),
  ].join('\n');
}

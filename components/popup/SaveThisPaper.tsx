import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { paperRefFromUrl, type PaperRef } from '@/lib/core/arxiv-id';
import { t, tParts } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import type { Zotero } from '@/lib/hooks/use-zotero';
import { InZoteroMark } from '../shared/InZoteroMark';

/**
 * The popup's "Save this paper" for the tab the user was looking at (PDFs included, where no
 * button can be shown). Tab URLs are readable only for huggingface.co and arXiv (host access).
 */
export function SaveThisPaper({ saved, zotero }: { saved: Set<string>; zotero?: Zotero }) {
  const [ref, setRef] = useState<PaperRef>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void lastPaperTab().then(setRef);
  }, []);
  if (!ref) return null;
  const isSaved = saved.has(ref.id);
  async function toggle() {
    if (!ref) return;
    setBusy(true);
    try {
      const reply = await send(isSaved ? { type: 'unsavePaper', id: ref.id } : { type: 'savePaper', id: ref.id });
      setMessage(reply?.ok ? '' : (reply?.message ?? t('couldNotSave')));
    } catch {
      setMessage(t('backgroundUnreachableRetry'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="this-paper" aria-label={t('thisTab')}>
      <span>{tParts('thisTabPaper', <strong>arXiv:{ref.id}</strong>)}</span>
      <button type="button" aria-pressed={isSaved} disabled={busy} onClick={toggle}>
        <span aria-hidden="true">{isSaved ? '★ ' : '☆ '}</span>
        {t('saveThisPaper')}
      </button>
      {zotero?.enabled && (
        <button type="button" class="send-zotero" onClick={() => void zotero.send([ref.id])}>
          {t('sendToZotero')}
        </button>
      )}
      {zotero?.ids.has(ref.id) && <InZoteroMark />}
      {message && <span class="error">{message}</span>}
    </section>
  );
}

/** The most recently used tab showing a paper (the popup itself is not a tab; a test's may be). */
async function lastPaperTab(): Promise<PaperRef | undefined> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  const candidates = tabs
    .filter((t) => t.url && paperRefFromUrl(t.url))
    .sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const url = candidates[0]?.url;
  return url ? paperRefFromUrl(url) : undefined;
}

/**
 * Zotero in a page: the "In Zotero" marks (the background's mirror, live, with one check of the
 * library per view) and "Send to Zotero" with where it went and the move to another collection.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../core/send';
import { t } from '../core/i18n';
import { IN_ZOTERO_KEY, NOTHING_IN_ZOTERO, parseInZotero, type InZotero } from '../core/zotero-mirror';
import type { ZoteroSendReply, ZoteroTarget } from '../core/zotero-messages';

export type ZoteroSent = { busy: true } | (ZoteroSendReply & { busy?: false; moved?: string; current?: string });

export interface Zotero {
  enabled: boolean;
  /** arXiv ids in the Zotero library (empty while Zotero is off in Papertab). */
  ids: Set<string>;
  /** Why the marks cannot be trusted now, in words with the way out. */
  problem?: string;
  /** The library has been read at least once. */
  checked: boolean;
  sent?: ZoteroSent;
  send(ids: string[]): Promise<void>;
  move(target: ZoteroTarget): Promise<void>;
  dismiss(): void;
}

/** `fresh`: read the library now rather than from the background's short cache (the options page). */
export function useZotero(enabled: boolean, fresh = false): Zotero {
  const [mirror, setMirror] = useState<InZotero>(NOTHING_IN_ZOTERO);
  const [sent, setSent] = useState<ZoteroSent>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && IN_ZOTERO_KEY in changes) setMirror(parseInZotero(changes[IN_ZOTERO_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChange);
    void browser.storage.local.get(IN_ZOTERO_KEY).then((v) => live && setMirror(parseInZotero(v[IN_ZOTERO_KEY])));
    // One question for this view; the background answers from its short-lived cache when fresh.
    void send({ type: 'zoteroCheck', ...(fresh ? { force: true } : {}) }).catch(() => undefined);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, [enabled]);
  const ids = useMemo(() => new Set(enabled ? mirror.ids : []), [mirror, enabled]);

  const sendIds = useCallback(async (list: string[]) => {
    setSent({ busy: true });
    try {
      setSent(await send({ type: 'zoteroSend', ids: list }));
    } catch {
      setSent({ ok: false, message: t('backgroundUnreachableRetry') });
    }
  }, []);
  const move = useCallback(
    async (target: ZoteroTarget) => {
      if (!sent || sent.busy || !sent.ok) return;
      const reply = await send({ type: 'zoteroMove', sent: sent.sent, target }).catch(() => undefined);
      setSent({ ...sent, current: target.id, moved: reply?.message ?? t('backgroundUnreachableRetry') });
    },
    [sent],
  );
  return {
    enabled,
    ids,
    problem: enabled ? mirror.problem : undefined,
    checked: enabled && mirror.at > 0,
    sent,
    send: sendIds,
    move,
    dismiss: () => setSent(undefined),
  };
}

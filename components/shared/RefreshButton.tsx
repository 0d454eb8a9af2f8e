import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';

/** Asks the background (which owns the network) to refresh now, and says how it went. */
export function RefreshButton() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  async function onClick() {
    setBusy(true);
    setMessage('');
    try {
      const reply = await send({ type: 'refresh' });
      setMessage(reply?.message ?? '');
    } catch {
      setMessage(t('backgroundUnreachableRetry'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span class="refresh">
      <button type="button" onClick={onClick} disabled={busy} aria-busy={busy}>
        {busy ? t('refreshing') : t('refresh')}
      </button>
      {message && (
        <span class="refresh-message" role="status">
          {message}
        </span>
      )}
    </span>
  );
}

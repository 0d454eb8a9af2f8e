import { useState } from 'preact/hooks';
import { send } from '@/lib/messages';

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
      setMessage('Could not reach the Papertab background; try again.');
    } finally {
      setBusy(false);
    }
  }
  return (
    <span class="refresh">
      <button type="button" onClick={onClick} disabled={busy} aria-busy={busy}>
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      {message && (
        <span class="refresh-message" role="status">
          {message}
        </span>
      )}
    </span>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { RefreshStatus } from '@/lib/meta';
import { clockTime, timeAgo } from '@/lib/format';

/** "Updated 12 min ago", or the last error in plain words, kept current while the page stays open. */
export function StatusLine({ status }: { status: RefreshStatus }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const failing = status.lastError && (!status.lastSuccessAt || status.lastError.at > status.lastSuccessAt);
  return (
    <p class="status" role="status">
      {status.lastSuccessAt ? `Updated ${timeAgo(status.lastSuccessAt, now)}` : 'Not updated yet'}
      {failing && status.lastError && (
        <span class="status-error">
          {' · '}
          {status.rateLimitedUntil && status.rateLimitedUntil > now
            ? `Hugging Face asked us to slow down; next try at ${clockTime(status.rateLimitedUntil)}`
            : `${status.lastError.message}${status.nextAttemptAt && status.nextAttemptAt > now ? `; next try at ${clockTime(status.nextAttemptAt)}` : ''}`}
        </span>
      )}
    </p>
  );
}

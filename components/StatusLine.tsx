import { useEffect, useState } from 'preact/hooks';
import type { RefreshStatus } from '@/lib/meta';
import { clockTime, timeAgo } from '@/lib/format';

/** "Updated 12 minutes ago", offline, or the last error in plain words; kept current while open. */
export function StatusLine({ status, online = true }: { status: RefreshStatus; online?: boolean }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const failing = status.lastError && (!status.lastSuccessAt || status.lastError.at > status.lastSuccessAt);
  let problem = '';
  if (!online) problem = 'You are offline; showing cached papers';
  else if (status.rateLimitedUntil && status.rateLimitedUntil > now) {
    problem = `Hugging Face asked us to slow down; next try at ${clockTime(status.rateLimitedUntil)}`;
  } else if (failing && status.lastError) {
    const next =
      status.nextAttemptAt && status.nextAttemptAt > now ? `; next try at ${clockTime(status.nextAttemptAt)}` : '';
    problem = `${status.lastError.message}${next}`;
  }
  return (
    <p class="status" role="status">
      {status.lastSuccessAt ? `Updated ${timeAgo(status.lastSuccessAt, now)}` : 'Not updated yet'}
      {problem && (
        <span class="status-error">
          {' · '}
          {problem}
        </span>
      )}
    </p>
  );
}

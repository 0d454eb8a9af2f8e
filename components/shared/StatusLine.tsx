import { useEffect, useState } from 'preact/hooks';
import type { RefreshStatus } from '@/lib/store/meta-table';
import { clockTime, dateTime, timeAgo } from '@/lib/core/format';
import { t, tParts } from '@/lib/core/i18n';

/** "Updated 12 min ago", offline, or the last error in plain words; kept current while open. */
export function StatusLine({ status, online = true }: { status: RefreshStatus; online?: boolean }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const failing = status.lastError && (!status.lastSuccessAt || status.lastError.at > status.lastSuccessAt);
  let problem = '';
  if (!online) problem = t('statusOffline');
  else if (status.rateLimitedUntil && status.rateLimitedUntil > now) {
    problem = t('statusRateLimited', clockTime(status.rateLimitedUntil));
  } else if (failing && status.lastError) {
    // Hugging Face unreachable reads as what it is for the reader: offline, cached papers shown.
    const what = status.lastError.kind === 'network' ? t('statusUnreachable') : status.lastError.message;
    problem =
      status.nextAttemptAt && status.nextAttemptAt > now
        ? t('statusErrorNextTry', what, clockTime(status.nextAttemptAt))
        : what;
  }
  return (
    <p class="status" role="status" title={failing ? status.lastError?.message : undefined}>
      {status.lastSuccessAt
        ? tParts(
            'statusUpdated',
            <time dateTime={new Date(status.lastSuccessAt).toISOString()} title={dateTime(status.lastSuccessAt)}>
              {timeAgo(status.lastSuccessAt, now)}
            </time>,
          )
        : t('statusNotUpdated')}
      {problem && (
        <span class="status-error">
          {' · '}
          {problem}
        </span>
      )}
    </p>
  );
}

import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { clockTime } from '@/lib/core/format';
import { HF_USERNAME_RE, type Followed } from '@/lib/core/follows';
import type { SectionProps } from '@/lib/hooks/use-settings-form';
import { useFollows, type FollowKind } from '@/lib/hooks/use-follows';

/**
 * Settings, "Following": the people and organizations followed (each with Unfollow), and the
 * optional Hugging Face username whose follows count too (fetched by the background).
 */
export function FollowingSection({ settings, save }: Omit<SectionProps, 'setNote'>) {
  const follows = useFollows(settings);
  return (
    <section aria-labelledby="opt-following">
      <h2 id="opt-following">{t('optFollowing')}</h2>
      <p class="hint">{t('optFollowingHint')}</p>
      <FollowedList kind="people" label={t('followedPeople')} list={follows.people} onRemove={follows.remove} />
      <FollowedList kind="orgs" label={t('followedOrgs')} list={follows.orgs} onRemove={follows.remove} />
      <HfUsernameField
        value={settings.hfUsername}
        onSave={(hfUsername) => void save({ hfUsername })}
        status={<HfStatus username={settings.hfUsername} follows={follows} />}
      />
    </section>
  );
}

function FollowedList({
  kind,
  label,
  list,
  onRemove,
}: {
  kind: FollowKind;
  label: string;
  list: Followed[];
  onRemove: (kind: FollowKind, entries: Followed[]) => void;
}) {
  const id = `opt-follow-${kind}`;
  return (
    <div class="followed">
      <h3 id={id}>{label}</h3>
      {list.length ? (
        <ul aria-labelledby={id}>
          {list.map((f) => (
            <li key={f.hub ?? f.name}>
              {f.name}
              {f.hub && f.hub !== f.name && <span class="subtle"> ({f.hub})</span>}{' '}
              <button type="button" class="link-button" onClick={() => onRemove(kind, [f])}>
                {t('unfollowName', f.name)}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="subtle">{t('followingNone')}</p>
      )}
    </div>
  );
}

/** The username, saved when the field is left or Enter is pressed (each save asks Hugging Face once). */
function HfUsernameField({
  value,
  onSave,
  status,
}: {
  value: string;
  onSave: (v: string) => void;
  status: preact.ComponentChildren;
}) {
  const [error, setError] = useState('');
  return (
    <div class="field">
      <label for="opt-hf-username">{t('hfUsername')}</label>
      <input
        id="opt-hf-username"
        type="text"
        autocomplete="off"
        spellcheck={false}
        defaultValue={value}
        key={value}
        aria-describedby="opt-hf-username-hint opt-hf-username-status"
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const typed = (e.target as HTMLInputElement).value.trim();
          if (typed && !HF_USERNAME_RE.test(typed)) return setError(t('hfUserInvalid', typed));
          setError('');
          if (typed !== value) onSave(typed);
        }}
      />
      <p class="hint" id="opt-hf-username-hint">
        {t('hfUsernameHint')}
      </p>
      <div id="opt-hf-username-status" role="status">
        {error ? <p class="error">{error}</p> : status}
      </div>
    </div>
  );
}

function HfStatus({ username, follows }: { username: string; follows: ReturnType<typeof useFollows> }) {
  if (!username) return null;
  const record = follows.hfRecord;
  const mine = record && record.username.toLowerCase() === username.toLowerCase();
  if (!mine) return <p class="subtle">{t('hfFollowingPending', username)}</p>;
  const all = [...follows.viaHf.people, ...follows.viaHf.orgs];
  return (
    <>
      {record.error && <p class="error">{record.error.message}</p>}
      {record.fetchedAt !== undefined && (
        <>
          <p class="subtle">{t('hfFollowingStatus', all.length, username, clockTime(record.fetchedAt))}</p>
          {all.length > 0 && (
            <ul aria-label={t('hfFollowingList', username)} class="hf-following">
              {all.map((f) => (
                <li key={f.hub}>{f.name === f.hub ? f.name : `${f.name} (${f.hub})`}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

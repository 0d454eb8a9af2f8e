import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { send } from '@/lib/core/send';
import { askZoteroAccess } from '@/lib/core/zotero-access';
import type { SectionProps } from '@/lib/hooks/use-settings-form';
import { useZotero } from '@/lib/hooks/use-zotero';

/**
 * Settings, "Zotero": turning it on asks for access to Zotero on this computer (an optional
 * permission, in the click's gesture), what Zotero says now, and importing a collection.
 */
export function ZoteroSection({ settings, save, setNote }: SectionProps) {
  const zotero = useZotero(settings.zoteroEnabled, true);
  const [collections, setCollections] = useState<{ key: string; label: string }[]>();
  const [chosen, setChosen] = useState('');
  const [said, setSaid] = useState('');

  async function toggle(input: HTMLInputElement) {
    const on = input.checked;
    input.checked = settings.zoteroEnabled;
    if (!on) return save({ zoteroEnabled: false });
    setNote(t('zoteroAsking'));
    if (!(await askZoteroAccess())) return setNote(t('zoteroRefused'));
    await save({ zoteroEnabled: true });
    setNote('');
    await send({ type: 'zoteroCheck', force: true }).catch(() => undefined);
  }
  async function loadCollections() {
    const reply = await send({ type: 'zoteroCollections' }).catch(() => undefined);
    if (!reply?.ok) return setSaid(reply?.message ?? t('backgroundUnreachableRetry'));
    setCollections(reply.collections);
    setChosen(reply.collections[0]?.key ?? '');
    setSaid('');
  }
  async function importChosen() {
    const reply = await send({ type: 'zoteroImport', key: chosen }).catch(() => undefined);
    setSaid(reply?.message ?? t('backgroundUnreachableRetry'));
  }

  return (
    <section aria-labelledby="opt-zotero">
      <h2 id="opt-zotero">{t('zoteroSection')}</h2>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.zoteroEnabled}
          onChange={(e) => void toggle(e.target as HTMLInputElement)}
        />
        {t('zoteroEnable')}
      </label>
      <p class="subtle">{t('zoteroEnableHint')}</p>
      {settings.zoteroEnabled && (
        <>
          <p class="zotero-status" role="status">
            {zotero.problem ?? (zotero.checked ? t('zoteroLibraryCount', zotero.ids.size) : '')}
          </p>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.zoteroAlsoSave}
              onChange={(e) => void save({ zoteroAlsoSave: (e.target as HTMLInputElement).checked })}
            />
            {t('zoteroAlsoSave')}
          </label>
          <p>
            <button type="button" onClick={() => void loadCollections()}>
              {t('zoteroShowCollections')}
            </button>
          </p>
          {collections && collections.length > 0 && (
            <p>
              <label class="field">
                <span>{t('zoteroCollection')}</span>
                <select value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
                  {collections.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="button" onClick={() => void importChosen()}>
                {t('zoteroImport')}
              </button>
            </p>
          )}
          {said && <p role="status">{said}</p>}
        </>
      )}
    </section>
  );
}

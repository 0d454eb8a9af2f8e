import { useSettingsForm } from '@/lib/hooks/use-settings-form';
import { t } from '@/lib/core/i18n';
import { useDbUnavailable } from '@/lib/hooks/use-db-status';
import { DatabaseUnavailable } from '../shared/DatabaseUnavailable';
import { useSettings } from '@/lib/hooks/use-settings';
import { ArchiveSection } from './ArchiveSection';
import { DataSection } from './DataSection';
import { FeedSection } from './FeedSection';
import { MuteSection } from './MuteSection';
import { FollowingSection } from './FollowingSection';
import { NewTabAndPopupSection } from './NewTabAndPopupSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SyncSection } from './SyncSection';
import { WatchListSection } from './WatchListSection';
import { ZoteroSection } from './ZoteroSection';

/** Every setting, saved as it changes. */
export function OptionsApp() {
  const dbUnavailable = useDbUnavailable();
  const settings = useSettings();
  const { note, setNote, save } = useSettingsForm();
  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>{t('settingsTitle')}</h1>
          <a href="/newtab.html">{t('dailyPapers')}</a>
          {/* PRIVACY.md, shipped in the extension as privacy.txt (wxt.config.ts). */}
          <a href="/privacy.txt">{t('privacyPolicy')}</a>
        </div>
        <p class="status" role="status">
          {note}
        </p>
      </header>
      <main class="glance options">
        {dbUnavailable && <DatabaseUnavailable />}
        <FeedSection settings={settings} save={save} setNote={setNote} />
        <WatchListSection settings={settings} save={save} />
        <MuteSection settings={settings} save={save} />
        <FollowingSection settings={settings} save={save} />
        <NewTabAndPopupSection settings={settings} save={save} setNote={setNote} />
        <SyncSection settings={settings} save={save} />
        <ZoteroSection settings={settings} save={save} setNote={setNote} />
        <ShortcutsSection />
        <ArchiveSection settings={settings} save={save} setNote={setNote} />
        <DataSection />
      </main>
    </>
  );
}

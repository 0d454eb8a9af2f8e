import { useState } from 'preact/hooks';
import { t } from '@/lib/core/i18n';
import { updateSettings } from '@/lib/core/settings';
import { type Settings } from '@/lib/core/settings-schema';

export type SaveSettings = (patch: Partial<Settings>) => Promise<void>;

/** What every section of the options page is given: the settings, the way to save, the status line. */
export interface SectionProps {
  settings: Settings;
  save: SaveSettings;
  setNote: (note: string) => void;
}

/**
 * The options page's way of saving: every change is written as it is made, and the page's status
 * line says so (or says what stands in the way, through `setNote`).
 */
export function useSettingsForm(): { note: string; setNote: (note: string) => void; save: SaveSettings } {
  const [note, setNote] = useState('');
  const save = async (patch: Partial<Settings>) => {
    await updateSettings(patch);
    setNote(t('optSaved'));
  };
  return { note, setNote, save };
}

/** Each Zotero failure as one plain sentence with the way out (none changes Papertab's data). */
import { t } from '../core/i18n';
import type { ZoteroFailure } from './http';

export function failureMessage(kind: ZoteroFailure): string {
  switch (kind) {
    case 'not-running':
      return t('zoteroNotRunning');
    case 'timeout':
      return t('zoteroTimeout');
    case 'no-permission':
      return t('zoteroNoPermission');
    case 'local-api-off':
      return t('zoteroLocalApiOff');
    case 'no-local-api':
      return t('zoteroNoLocalApi');
    case 'bad-answer':
      return t('zoteroBadAnswer');
    case 'failed':
      return t('zoteroFailed');
  }
}

import { render } from 'preact';
import { PopupPage } from '@/components/popup/PopupApp';
import { localizePage } from '@/lib/core/i18n';

localizePage('extName');
render(<PopupPage />, document.getElementById('app')!);

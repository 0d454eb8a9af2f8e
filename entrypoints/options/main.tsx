import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { localizePage } from '@/lib/core/i18n';

localizePage('settingsTitle');
render(<OptionsApp />, document.getElementById('app')!);

import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/glance.css';

render(<OptionsApp />, document.getElementById('app')!);

import { render } from 'preact';
import { PopupPage } from '@/components/PopupApp';
import '@/components/glance.css';

render(<PopupPage />, document.getElementById('app')!);

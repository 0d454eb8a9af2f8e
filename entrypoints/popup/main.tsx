import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import '@/components/glance.css';

render(<PopupApp />, document.getElementById('app')!);

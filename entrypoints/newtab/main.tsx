import { render } from 'preact';
import { NewTabApp } from '@/components/NewTabApp';
import '@/components/glance.css';

render(<NewTabApp />, document.getElementById('app')!);

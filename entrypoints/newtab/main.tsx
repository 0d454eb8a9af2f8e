import { render } from 'preact';
import { NewTabPage } from '@/components/NewTabApp';
import '@/components/glance.css';

render(<NewTabPage />, document.getElementById('app')!);

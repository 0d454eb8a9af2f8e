import { render } from 'preact';
import { ReadingListApp } from '@/components/ReadingListApp';
import '@/components/glance.css';

render(<ReadingListApp />, document.getElementById('app')!);

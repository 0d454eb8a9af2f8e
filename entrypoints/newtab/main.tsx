import { render } from 'preact';
import { Glance } from '@/components/Glance';
import '@/components/glance.css';

render(<Glance />, document.getElementById('app')!);

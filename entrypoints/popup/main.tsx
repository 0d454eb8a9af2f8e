import { render } from 'preact';
import { Glance } from '@/components/Glance';
import '@/components/glance.css';

render(<Glance compact limit={10} />, document.getElementById('app')!);

import { paintFirst } from '@/lib/first-paint';

// Paint the last-seen papers first (tiny code, localStorage only), then load the app.
const root = document.getElementById('app')!;
paintFirst(root);
void import('./app').then(({ mount }) => mount(root));

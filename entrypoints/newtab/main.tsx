import { holdKeysUntilReady, paintFirst } from '@/lib/first-paint';

// Paint the last-seen papers first (tiny code, localStorage only), then load the app.
const root = document.getElementById('app')!;
if (paintFirst(root)) holdKeysUntilReady();
void import('./app').then(({ mount }) => mount(root));

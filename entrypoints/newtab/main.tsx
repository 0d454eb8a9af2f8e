import { holdKeysUntilReady, paintFirst } from '@/lib/views/first-paint';

// Paint the last-seen papers first (tiny code, localStorage only), then load the app.
// The marks let `npm run bench` tell the script's arrival from the paint's own cost.
performance.mark('papertab:first-paint-start');
const root = document.getElementById('app')!;
if (paintFirst(root)) holdKeysUntilReady();
performance.mark('papertab:first-paint-end');
void import('./app').then(({ mount }) => mount(root));

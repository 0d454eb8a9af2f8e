import { render } from 'preact';
import { ReadingListApp } from '@/components/reading-list/ReadingListApp';
import { localizePage } from '@/lib/core/i18n';

localizePage('pageTitleReadingList');
render(<ReadingListApp />, document.getElementById('app')!);

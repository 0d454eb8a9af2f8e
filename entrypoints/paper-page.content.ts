import { runPaperPage } from '@/lib/paper-page/controller';

// All of huggingface.co, not just /papers/*: the site changes page client-side, so a visit that
// starts on a listing reaches a paper without a page load. The controller only acts on paper URLs.
// PDFs cannot host a button: the popup and the context menu cover them.
export default defineContentScript({
  matches: [
    'https://huggingface.co/*',
    'https://arxiv.org/abs/*',
    'https://www.arxiv.org/abs/*',
    'https://arxiv.org/html/*',
    'https://www.arxiv.org/html/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    runPaperPage(ctx);
  },
});

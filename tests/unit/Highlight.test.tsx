import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Marked as Highlight } from '@/components/shared/Marked';

function marks(container: Element): string[] {
  return [...container.querySelectorAll('mark')].map((m) => m.textContent ?? '');
}

describe('Highlight', () => {
  it('marks the matching words and keeps the rest as text', () => {
    const { container } = render(<Highlight text="Video Diffusion for Gómez" terms={['diffusion', 'gomez', 'vid']} />);
    expect(marks(container)).toEqual(['Vid', 'Diffusion', 'Gómez']);
    expect(container.textContent).toBe('Video Diffusion for Gómez');
  });

  it('renders plain text when nothing matches', () => {
    const { container } = render(<Highlight text="Nothing here" terms={['absent']} />);
    expect(marks(container)).toEqual([]);
    expect(container.textContent).toBe('Nothing here');
  });

  it('renders hostile text as text, never as markup', () => {
    const text = '<img src=x onerror="window.__pwned=1">Hostile <b>title</b> <script>window.__pwned=1</script>';
    const { container } = render(<Highlight text={text} terms={['hostile', 'script', 'img']} />);
    expect(container.textContent).toBe(text);
    expect(container.querySelector('img, b, script')).toBeNull();
    expect(marks(container)).toEqual(['img', 'Hostile', 'script', 'script']);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

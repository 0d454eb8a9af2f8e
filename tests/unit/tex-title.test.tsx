import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TitleText } from '@/components/shared/TitleText';
import { hasTex, titleParts } from '@/lib/core/tex';
import { words } from '@/lib/search/text-match';

afterEach(cleanup);

describe('TeX in paper titles', () => {
  it('finds inline math and bare text commands, and nothing in plain titles', () => {
    expect(titleParts('$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset')).toEqual([
      { tex: '\\nabla^2', source: '$\\nabla^2$' },
      { text: 'DFT: A Universal Quantum Chemistry Dataset' },
    ]);
    expect(titleParts('$\\text{Transformer}^2$: Self-adaptive LLMs')[0]).toEqual({
      tex: '\\text{Transformer}^2',
      source: '$\\text{Transformer}^2$',
    });
    expect(titleParts('\\textsc{AIEV-Instruct} for code')[0]).toEqual({
      tex: '\\textsc{AIEV-Instruct}',
      source: '\\textsc{AIEV-Instruct}',
    });
    expect(hasTex('Costs $5 and $10 a month')).toBe(true);
    expect(hasTex('Attention Is All You Need')).toBe(false);
    expect(hasTex('C# and F# in one $ sign')).toBe(false);
  });

  it('shows the math as MathML, keeps the TeX source for screen readers, and leaves the words searchable', async () => {
    const title = '$\\text{Transformer}^2$: Self-adaptive LLMs';
    const { container } = render(
      <h2>
        <a href="https://huggingface.co/papers/2501.06252">
          <TitleText title={title} />
        </a>
      </h2>,
    );
    const math = await waitFor(() => {
      const m = container.querySelector('math');
      if (!m) throw new Error('no math yet');
      return m;
    });
    expect(math.getAttribute('alttext')).toBe('\\text{Transformer}^2');
    expect(math.closest('[aria-hidden="true"]')).not.toBeNull();
    // The link's name is the title as the feed gave it.
    expect(screen.getByRole('link', { name: title })).toBeTruthy();
    expect(container.querySelector('.sr-only')?.textContent).toBe('$\\text{Transformer}^2$');
    expect(words(title)).toContain('Transformer');
  });

  it('draws a plain title as text, without the math code', () => {
    const { container } = render(<TitleText title="Attention Is All You Need" />);
    expect(container.textContent).toBe('Attention Is All You Need');
    expect(container.querySelector('.tex')).toBeNull();
  });
});

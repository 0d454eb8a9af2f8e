import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { memo } from '@/lib/hooks/memo';

describe('memo', () => {
  it('re-renders only when a prop changed (shallowly), and shows the new props when it does', () => {
    let renders = 0;
    const Card = memo(({ title, tags }: { title: string; tags: string[] }) => {
      renders++;
      return <p>{`${title}: ${tags.join(',')}`}</p>;
    });
    const tags = ['a'];
    const { container, rerender } = render(<Card title="One" tags={tags} />);
    rerender(<Card title="One" tags={tags} />);
    expect(renders).toBe(1);
    rerender(<Card title="Two" tags={tags} />);
    expect(renders).toBe(2);
    rerender(<Card title="Two" tags={['a']} />); // a new array is a change
    expect(renders).toBe(3);
    expect(container.textContent).toBe('Two: a');
  });
});

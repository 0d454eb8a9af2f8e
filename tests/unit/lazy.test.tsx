/**
 * A lazily loaded component (the new tab's "Order and filters" panel, a card's menu) shows once its
 * code is there, however the code's arrival falls against Preact's render and effects. A loaded
 * run found the panel empty for good: the code, preloaded on hover, arrived after the first render
 * (which drew nothing) and before its effect (which then saw the code and did nothing).
 */
import { render as preactRender } from 'preact';
import { render, screen, act, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '@/lib/hooks/lazy';

function Loaded({ label }: { label: string }) {
  return <button type="button">{label}</button>;
}

/** A load the test resolves when it wants. */
function controlledLoad() {
  let resolve!: () => void;
  const gate = new Promise<void>((r) => (resolve = r));
  return { load: () => gate.then(() => Loaded), resolve };
}

describe('lazyComponent', () => {
  it('shows the component when its code arrives after the first render', async () => {
    const { load, resolve } = controlledLoad();
    const Lazy = lazyComponent(load);
    render(<Lazy label="Compact" />);
    expect(screen.queryByRole('button')).toBeNull();
    await act(async () => resolve());
    expect(await screen.findByRole('button', { name: 'Compact' })).toBeTruthy();
  });

  it('shows it when the code arrives between the render and its effect', async () => {
    const { load, resolve } = controlledLoad();
    const Lazy = lazyComponent(load);
    const pending = Lazy.preload(); // on hover
    // Preact's own render (no act): its effects wait for the next frame, and the code arrives first.
    const root = document.createElement('div');
    document.body.append(root);
    preactRender(<Lazy label="Grid" />, root);
    expect(root.querySelector('button')).toBeNull();
    resolve();
    await pending;
    await waitFor(() => expect(root.querySelector('button')?.textContent).toBe('Grid'));
    preactRender(null, root);
    root.remove();
  });

  it('draws at once when the code is already there', () => {
    const Lazy = lazyComponent(() => Promise.resolve(Loaded));
    Lazy.provide(Loaded);
    render(<Lazy label="Comfortable" />);
    expect(screen.getByRole('button', { name: 'Comfortable' })).toBeTruthy();
  });
});

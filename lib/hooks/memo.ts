/**
 * `memo` without `preact/compat`: compat installs global vnode hooks when loaded (it renames
 * `onChange` to `oninput` on inputs, `onBlur` to `focusout`, on every page that loads it). This is
 * the one piece of it Papertab uses: a component that re-renders only when a prop changed
 * (compared shallowly, as React's memo does).
 */
import { Component, h, type FunctionComponent } from 'preact';

export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const keys = Object.keys(next);
      if (keys.length !== Object.keys(prev).length) return true;
      return keys.some((k) => !Object.is(prev[k], (next as Record<string, unknown>)[k]));
    }
    render() {
      return h(render, this.props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}

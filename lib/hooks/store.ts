import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A value that changes often (the search box's text), held outside the page's state: changing it
 * renders again only the components that read it, not the page that owns it.
 */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const same = <T>(value: T) => value as unknown;

/**
 * What this component reads of a store (all of it, or what `select` makes of it): the component
 * renders again when that changes, and only then. `select` must be pure.
 */
export function useStore<T, S = T>(store: Store<T>, select: (value: T) => S = same as (value: T) => S): S {
  const [, rerender] = useState(0);
  const selected = select(store.get());
  const last = useRef(selected);
  last.current = selected;
  useEffect(() => {
    const check = () => {
      if (!Object.is(select(store.get()), last.current)) rerender((n) => n + 1);
    };
    const stop = store.subscribe(check);
    check(); // a change between this render and the subscription
    return stop;
  }, [store]);
  return selected;
}

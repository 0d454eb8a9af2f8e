import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & {
  /** Starts loading the code now (on hover or focus, say), so a click finds it there. */
  preload(): Promise<void>;
  /** Hands it the code already loaded with another chunk: rendered at once from then on. */
  provide(component: ComponentType<P>): void;
};

/**
 * A component whose code is fetched the first time one is rendered (once, for every use after it),
 * so a page does not load it at every opening: nothing shows for the few milliseconds the chunk
 * takes. Render it only when it is used (the menu open, the view chosen).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
    }));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    // What this render drew: the code may arrive between the render and its effect (a preload on
    // hover, a slow machine), and a render that drew nothing must then draw again.
    const drawn = loaded !== undefined;
    useEffect(() => {
      if (drawn) return;
      let live = true;
      void preload().then(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, []);
    return loaded ? h(loaded, props) : null;
  }
  const provide = (c: ComponentType<P>) => {
    loaded = c;
    pending = Promise.resolve();
  };
  return Object.assign(Lazy, { preload, provide });
}

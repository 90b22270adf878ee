import { useEffect, useState, type ComponentType } from 'react';

/**
 * False on the first render, true once the browser has painted it and gone idle (at most
 * `timeoutMs` later). Panels and the validation worker wait for it, so the JavaScript they bring
 * loads after the canvas is interactive instead of competing with it.
 */
export function useAfterFirstPaint(timeoutMs = 300): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const cancel = afterFirstPaint(() => setReady(true), timeoutMs);
    return cancel;
  }, [timeoutMs]);
  return ready;
}

/** Runs `run` when the browser is idle after the next paint; returns a cancel function. */
export function afterFirstPaint(run: () => void, timeoutMs = 300): () => void {
  let idle: number | undefined;
  const frame = requestAnimationFrame(() => {
    // requestIdleCallback is missing in Safari: a timer is the fallback.
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: timeoutMs }) : window.setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}

/**
 * The component a module gives, loaded once the browser has painted (see useAfterFirstPaint); null
 * until it has arrived. A state update when the module arrives, not React.lazy: a lazy component
 * that suspends is retried at a lower priority than the background renders of a big design's
 * outline and canvas, and at 2,300 rules the inspector and preview then appeared 4–6 s after the
 * canvas instead of as soon as their code was there.
 */
export function useComponentAfterPaint<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [loaded, setLoaded] = useState<{ component: ComponentType<P> } | null>(null);
  useEffect(() => {
    let live = true;
    const cancel = afterFirstPaint(() => void load().then((component) => live && setLoaded({ component })));
    return () => {
      live = false;
      cancel();
    };
  }, [load]);
  return loaded?.component ?? null;
}

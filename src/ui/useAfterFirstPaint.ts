import { useEffect, useState } from 'react';

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

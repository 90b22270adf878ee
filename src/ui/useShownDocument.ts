import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useStore } from '../store/store';
import { afterFirstPaint } from './useAfterFirstPaint';

/**
 * The document a panel shows (the store's `documentId`). An edit shows at once; a newly opened
 * document (a link, an import, a template) is shown once the canvas has drawn it and the browser
 * has painted: a big document's panels (its YAML: ~300 ms at 2,300 rules; its outline: ~6,000
 * elements) would otherwise come first and hold back the canvas. Until then the panel keeps the
 * previous document. `atMount: 'after paint'` does the same for the page's first document.
 */
export function useShownDocument(atMount: 'at once' | 'after paint' = 'at once'): number {
  const documentId = useStore((s) => s.documentId);
  // Catches up in the background render that draws the canvas (whose elements are deferred too).
  const drawn = useDeferredValue(documentId);
  const [shown, setShown] = useState(atMount === 'at once' ? documentId : NO_DOCUMENT);
  useEffect(() => {
    if (drawn === shown) return;
    return afterFirstPaint(() => setShown(drawn));
  }, [drawn, shown]);
  return shown;
}

const NO_DOCUMENT = -1;

/** `value`, or while it is null the last value that was not. */
export function useLastPresent<T>(value: T | null, initial: T): T {
  // Written during render: the kept value is always one that was rendered, so a render React
  // throws away leaves nothing wrong behind.
  const last = useRef(initial);
  if (value !== null) last.current = value;
  return value ?? last.current;
}

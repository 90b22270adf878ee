import { useEffect, useRef } from 'react';
import { onlyLayoutDiffers } from '../../model/layoutOnly';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';
import { useShownDocument } from '../useShownDocument';
import { validateInWorker } from './workerClient';

/** Edits within this window are validated once, with the last design. */
const DEBOUNCE_MS = 60;

/** Keeps `findings` in the store in step with the design, computed in the page's worker. */
function useValidation() {
  const latest = useRef<Design | null>(null);
  const request = useRef(async (design: Design) => {
    latest.current = design;
    const findings = await validateInWorker(design);
    // An answer about an older design than the newest request is dropped: another is on its way.
    if (findings && design === latest.current) useStore.getState().setFindings(design, findings);
  }).current;

  // A newly opened document (and the first) is sent when the panels show it, once the canvas has
  // drawn it and the browser has painted (useShownDocument): copying a big design to the worker
  // (~50 ms at 2,300 rules) and taking in its findings would otherwise interrupt the canvas's first
  // render. The worker and Envoy's descriptors load then too. A document already replaced by
  // another waits for that one's turn.
  const shown = useShownDocument('after paint');
  useEffect(() => {
    if (shown === useStore.getState().documentId) void request(useStore.getState().design);
  }, [shown, request]);

  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = useStore.subscribe((state, previous) => {
      // Another document: the effect above sends it once shown. Positions never change a finding: a drag
      // sends nothing (at 1,000 rules a design takes tens of milliseconds to copy to the worker).
      if (state.documentId !== previous.documentId || onlyLayoutDiffers(previous.design, state.design)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void request(useStore.getState().design), DEBOUNCE_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [request]);
}

/** Runs validation; a component of its own so the document it waits for re-renders nothing else. */
export function Validation() {
  useValidation();
  return null;
}

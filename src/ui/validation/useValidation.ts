import { useEffect } from 'react';
import { onlyLayoutDiffers } from '../../model/layoutOnly';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';
import { afterFirstPaint } from '../useAfterFirstPaint';
import { validateInWorker } from './workerClient';

/** Edits within this window are validated once, with the last design. */
const DEBOUNCE_MS = 60;

/** Keeps `findings` in the store in step with the design, computed in the page's worker. */
export function useValidation() {
  useEffect(() => {
    let latest: Design | null = null;
    let timer: number | undefined;
    const request = async (design: Design) => {
      latest = design;
      const findings = await validateInWorker(design);
      // An answer about an older design than the newest request is dropped: another is on its way.
      if (findings && design === latest) useStore.getState().setFindings(design, findings);
    };
    // The worker (and Envoy's descriptors) load after the canvas has painted, not before.
    const cancelFirst = afterFirstPaint(() => void request(useStore.getState().design));
    const unsubscribe = useStore.subscribe((state, previous) => {
      // Positions never change a finding: a drag sends nothing (at 1,000 rules a design takes
      // tens of milliseconds to copy to the worker).
      if (onlyLayoutDiffers(previous.design, state.design)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void request(useStore.getState().design), DEBOUNCE_MS);
    });
    return () => {
      cancelFirst();
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}

import { useEffect } from 'react';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';
import type { ValidationRequest, ValidationResponse } from './validation.worker';

/** Edits within this window are validated once, with the last design. */
const DEBOUNCE_MS = 60;

/** Keeps `findings` in the store in step with the design, computed in a Web Worker. */
export function useValidation() {
  useEffect(() => {
    const worker = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' });
    let latest = 0;
    const sent = new Map<number, Design>();
    let timer: number | undefined;
    worker.onmessage = (event: MessageEvent<ValidationResponse>) => {
      const design = sent.get(event.data.id);
      sent.delete(event.data.id);
      // An answer about an older design than the newest request is dropped: another is on its way.
      if (!design || event.data.id !== latest) return;
      if ('error' in event.data) console.error('Validation failed:', event.data.error);
      else useStore.getState().setFindings(design, event.data.findings);
    };
    const request = (design: Design) => {
      latest += 1;
      sent.set(latest, design);
      worker.postMessage({ id: latest, design } satisfies ValidationRequest);
    };
    request(useStore.getState().design);
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (state.design === previous.design) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => request(useStore.getState().design), DEBOUNCE_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
      worker.terminate();
    };
  }, []);
}

// Autosave: the design goes to local storage on every change (debounced) and comes back on reload.
// Storage may be full, disabled or missing: the user is told, and everything else keeps working.
import { designJson } from '../../generate/files';
import { loadDesignText, type LoadResult } from '../../model/load';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';

export const AUTOSAVE_KEY = 'envoy-route-designer:design';
/** A document that failed to load is kept here, so a bad autosave is never silently thrown away. */
export const AUTOSAVE_UNREADABLE_KEY = 'envoy-route-designer:unreadable-design';
const DEBOUNCE_MS = 400;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Access itself throws when storage is disabled.
  }
}

export function readAutosave(): LoadResult | null {
  const store = storage();
  let text: string | null = null;
  try {
    text = store?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  const result = loadDesignText(text);
  if (!result.ok) {
    try {
      store?.setItem(AUTOSAVE_UNREADABLE_KEY, text);
    } catch {
      // Nothing more to do: the notice tells the user.
    }
  }
  return result;
}

function write(design: Design): string | null {
  const store = storage();
  if (!store) return 'this browser does not allow local storage here';
  try {
    store.setItem(AUTOSAVE_KEY, designJson(design));
    return null;
  } catch (error) {
    const quota = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return quota ? 'local storage is full' : `local storage refused the write (${(error as Error).message})`;
  }
}

/** Saves the design after each burst of edits. Returns a function that stops autosaving. */
export function startAutosave(): () => void {
  let timer: number | undefined;
  let failing = false;
  const save = () => {
    timer = undefined;
    const problem = write(useStore.getState().design);
    if (problem && !failing) {
      useStore.getState().setNotice({ kind: 'warning', message: `Autosave is off: ${problem}. Your work stays in this tab; use Save as or Copy link to keep it.` });
    }
    if (!problem && failing) useStore.getState().setNotice(null);
    failing = problem !== null;
  };
  // A reload or closed tab inside the debounce window still saves the last edit.
  const flush = () => timer !== undefined && (window.clearTimeout(timer), save());
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DEBOUNCE_MS);
  });
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    window.removeEventListener('pagehide', flush);
    unsubscribe();
  };
}

// Autosave: the design goes to local storage on every change (debounced) and comes back on reload.
// Each tab saves its own document (see savedDocuments.ts), so tabs never overwrite each other.
// Storage may be full, disabled or missing: the user is told, and everything else keeps working.
import { loadDesignText, type LoadResult } from '../../model/load';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';
import { DOCUMENT_PREFIX, documentKey, documentToRestore, isQuotaError, saveDocument } from './savedDocuments';

/** A document that failed to load is kept here, so a bad autosave is never silently thrown away. */
export const AUTOSAVE_UNREADABLE_KEY = 'envoy-route-designer:unreadable-design';
/** This tab's document id; the browser keeps sessionStorage across reloads of one tab only. */
const TAB_DOCUMENT_KEY = 'envoy-route-designer:document-id';
// A pause in typing, not every keystroke, saves: at 1,000 rules a save (stringify + setItem of ~1 MB)
// blocks the page for tens of milliseconds. pagehide flushes a pending save.
const DEBOUNCE_MS = 1000;

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // Access itself throws when storage is disabled.
  }
}

function newDocumentId(): string {
  // getRandomValues, unlike randomUUID, also exists on plain-http origins.
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

let tabDocumentId: string | null = null;

/** The id this tab saved under before a reload, if any. */
function rememberedDocumentId(): string | null {
  try {
    return storage('sessionStorage')?.getItem(TAB_DOCUMENT_KEY) || null;
  } catch {
    return null;
  }
}

/** The id this tab saves under: kept from before a reload, or new (and remembered for the next). */
function documentId(): string {
  tabDocumentId ??= rememberedDocumentId();
  if (!tabDocumentId) switchDocumentId();
  return tabDocumentId!;
}

function switchDocumentId() {
  tabDocumentId = newDocumentId();
  try {
    storage('sessionStorage')?.setItem(TAB_DOCUMENT_KEY, tabDocumentId);
  } catch {
    // Without sessionStorage a reload opens the most recently saved design: usually this tab's.
  }
}

/** This tab's saved design, else the most recently saved one; null when there is none. */
export function readAutosave(): LoadResult | null {
  const store = storage('localStorage');
  let found: { text: string } | null = null;
  try {
    found = store && documentToRestore(store, rememberedDocumentId());
  } catch {
    return null;
  }
  if (found === null) return null;
  const result = loadDesignText(found.text);
  if (!result.ok) {
    try {
      store?.setItem(AUTOSAVE_UNREADABLE_KEY, found.text);
    } catch {
      // Nothing more to do: the notice tells the user.
    }
  }
  return result;
}

function write(design: Design): string | null {
  const store = storage('localStorage');
  if (!store) return 'this browser does not allow local storage here';
  try {
    // Compact and not canonicalised: storage is read back through the load path, never diffed, and
    // design.json's canonical form (a schema pass) costs ~20 ms per save at 1,000 rules.
    saveDocument(store, documentId(), JSON.stringify(design), Date.now());
    return null;
  } catch (error) {
    return isQuotaError(error) ? 'local storage is full' : `local storage refused the write (${(error as Error).message})`;
  }
}

/** Saves the design after each burst of edits. Returns a function that stops autosaving. */
export function startAutosave(): () => void {
  let timer: number | undefined;
  let failing = false;
  let toldAboutOtherTab = false;
  const save = () => {
    window.clearTimeout(timer);
    timer = undefined;
    const problem = write(useStore.getState().design);
    if (problem && !failing) {
      useStore.getState().setNotice({ kind: 'warning', message: `Autosave is off: ${problem}. Your work stays in this tab; use Save as or Copy link to keep it.` });
    }
    if (!problem && failing) useStore.getState().setNotice(null);
    failing = problem !== null;
  };
  // A reload or closed tab inside the debounce window still saves the last edit.
  const flush = () => timer !== undefined && save();
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DEBOUNCE_MS);
  });
  // Another tab saved. Our own key means a duplicated tab shares our id: move to a new one (and
  // save there) so the two stop overwriting each other; removed (made room for others), save again.
  const onStorage = (event: StorageEvent) => {
    if (event.storageArea !== storage('localStorage') || !event.key?.startsWith(DOCUMENT_PREFIX)) return;
    if (event.key === documentKey(documentId())) {
      if (event.newValue !== null) switchDocumentId();
      save();
    } else if (!toldAboutOtherTab && !useStore.getState().notice) {
      toldAboutOtherTab = true;
      useStore.getState().setNotice({ kind: 'info', message: 'The designer is open in another tab too. Each tab autosaves its own design; reloading a tab brings back its own.' });
    }
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('storage', onStorage);
  return () => {
    flush();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('storage', onStorage);
    unsubscribe();
  };
}

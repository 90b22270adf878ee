import { useEffect } from 'react';
import { decodePermalink } from '../../share/permalink';
import { useStore } from '../../store/store';
import { readAutosave, startAutosave } from './autosave';
import { applyLoaded } from './openDocument';

function linkInHash(): string | null {
  return window.location.hash.startsWith('#d=') ? window.location.hash : null;
}

/** The link is loaded once; removing it keeps a reload from discarding later (autosaved) edits. */
function dropHash() {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

/**
 * Once the page is up (loadInitialDocument has run): autosave starts, and links pasted into the
 * address bar load too.
 */
export function useDocumentBootstrap() {
  useEffect(() => {
    const stop = startAutosave();
    const onHashChange = () => {
      const next = linkInHash();
      if (!next) return;
      applyLoaded(decodePermalink(next), 'This link');
      dropHash();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      stop();
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
}

/**
 * Where the design comes from when the page opens: a permalink in the URL, else the autosave,
 * else the default design. Called once, before the first render (main.tsx), so the canvas draws
 * the opened design from the start instead of drawing the default one first (at 500 nodes, that
 * first render is most of the time to a usable canvas).
 */
export function loadInitialDocument() {
  useStore.getState().setAppUrl(window.location.origin + window.location.pathname);
  const link = linkInHash();
  const openedLink = link !== null && applyLoaded(decodePermalink(link), 'This link', { resetHistory: true });
  if (link !== null) dropHash();
  if (!openedLink) {
    const saved = readAutosave();
    if (saved?.ok) applyLoaded(saved, 'The autosaved design', { resetHistory: true });
    else if (saved && !link) applyLoaded(saved, 'The autosaved design');
  }
}

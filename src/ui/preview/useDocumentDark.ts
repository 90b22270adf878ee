// Whether <html data-theme> is "dark". The app resolves the theme (toggle or system setting) onto
// that attribute; following the attribute itself keeps the editor in step with the CSS variables.
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

export function useDocumentDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}

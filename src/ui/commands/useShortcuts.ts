import { useEffect } from 'react';
import { COMMANDS } from './commands';

/** Typing in a field or in the editor keeps its own keys (Backspace, Ctrl+C …). */
function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('.monaco-editor, [role="textbox"]') !== null;
}

export function useShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditing(event.target)) return;
      const found = COMMANDS.find((c) => c.keyTest?.(event));
      if (!found || !found.enabled()) return;
      event.preventDefault();
      found.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

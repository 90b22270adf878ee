// The Envoy files' Edit mode: the user's text (a draft, never overwritten by the live preview),
// Apply through the same import as the Import dialog, and the summary to confirm before the
// design is rebuilt from the text. Bad text leaves the design alone and the draft as it was.
import { useCallback, useState } from 'react';
import type { FileName } from '../../generate/files';
import type { ImportResult } from '../../import/importEnvoy';
import { useStore } from '../../store/store';
import { rebuildFromEditedConfig } from '../dialogs/applyImported';
import { importInWorker } from '../validation/workerClient';

export type Imported = Extract<ImportResult, { ok: true }>;

export type Draft = {
  file: FileName;
  text: string;
  /** Why the last Apply was refused, with line and column. */
  errors: string[];
  busy: boolean;
  /** The import of the draft, waiting for the user to confirm it. */
  pending: Imported | null;
};

export function usePreviewEdit() {
  const [draft, setDraft] = useState<Draft | null>(null);

  const start = useCallback((file: FileName, text: string) => setDraft({ file, text, errors: [], busy: false, pending: null }), []);
  const change = useCallback((text: string) => setDraft((d) => d && { ...d, text }), []);
  const cancel = useCallback(() => setDraft(null), []);
  const back = useCallback(() => setDraft((d) => d && { ...d, pending: null }), []);

  const apply = useCallback(async (text: string) => {
    setDraft((d) => d && { ...d, busy: true });
    const result = await importInWorker(text, useStore.getState().design.name);
    // Only while the draft is still this text: a cancel or further typing makes the answer stale.
    setDraft((d) => {
      if (!d || d.text !== text) return d && { ...d, busy: false };
      return result.ok ? { ...d, busy: false, errors: [], pending: result } : { ...d, busy: false, errors: result.errors, pending: null };
    });
  }, []);

  const confirm = useCallback(async (pending: Imported) => {
    await rebuildFromEditedConfig(pending.design);
    setDraft(null);
  }, []);

  return { draft, start, change, cancel, back, apply, confirm };
}

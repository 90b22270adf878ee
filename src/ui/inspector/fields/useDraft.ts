// A field's draft text: what the user typed, valid or not. Only a valid parse reaches the store.
import { useEffect, useState } from 'react';
import type { Parser } from '../parse';

export type Draft = { text: string; error: string | null; setText: (text: string) => void };

/**
 * `source` is the store value the draft text stands for. When the store value changes from
 * elsewhere (undo, another field, a removed row), the draft resets to it.
 */
export function useDraft<T>(value: T, format: (value: T) => string, parse: Parser<T>, commit: (value: T) => void): Draft {
  const [draft, setDraft] = useState(() => ({ text: format(value), source: value }));
  let current = draft;
  if (!Object.is(draft.source, value)) {
    current = { text: format(value), source: value };
    setDraft(current);
  }
  const parsed = parse(current.text);
  // A draft can become valid without a keystroke, e.g. when the element holding a clashing name is
  // renamed: commit it then, so what the field shows is what the files contain.
  const pending = parsed.ok && !Object.is(parsed.value, value) ? parsed : null;
  useEffect(() => {
    if (pending) commit(pending.value);
  }, [pending?.value]); // commit once per newly valid value

  const setText = (text: string) => {
    const next = parse(text);
    if (!next.ok) {
      setDraft({ text, source: value });
      return;
    }
    setDraft({ text, source: next.value });
    if (!Object.is(next.value, value)) commit(next.value);
  };
  return { text: current.text, error: parsed.ok ? null : parsed.error, setText };
}

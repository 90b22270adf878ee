// A labelled text input over a draft: validates on every keystroke, commits only valid values.
import { useId } from 'react';
import type { Parser } from '../parse';
import { describedBy, FieldMessages } from './FieldMessages';
import { useDraft } from './useDraft';

export type DraftInputProps<T> = {
  label: string;
  value: T;
  format: (value: T) => string;
  parse: Parser<T>;
  onCommit: (value: T) => void;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'text' | 'url';
  monospace?: boolean;
};

export function DraftInput<T>({ label, value, format, parse, onCommit, hint, placeholder, multiline, inputMode, monospace }: DraftInputProps<T>) {
  const id = useId();
  const draft = useDraft(value, format, parse, onCommit);
  const control = {
    id,
    value: draft.text,
    placeholder,
    className: monospace ? 'mono' : undefined,
    spellCheck: false,
    'aria-invalid': draft.error ? ('true' as const) : ('false' as const),
    'aria-describedby': describedBy(id, { hint, error: draft.error }),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...control} rows={3} onChange={(e) => draft.setText(e.target.value)} />
      ) : (
        <input {...control} type="text" inputMode={inputMode} autoComplete="off" onChange={(e) => draft.setText(e.target.value)} />
      )}
      <FieldMessages id={id} hint={hint} error={draft.error} />
    </div>
  );
}

// A labelled <select>; a choice commits at once (every option is a valid value).
import { useId } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

export type Option<T extends string> = { value: T; label: string; disabled?: boolean };

type Props<T extends string> = {
  label: string;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  hint?: string;
  /** A problem with the current choice (e.g. it names a removed cluster). */
  error?: string | null;
  disabled?: boolean;
};

export function SelectField<T extends string>({ label, value, options, onChange, hint, error, disabled }: Props<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

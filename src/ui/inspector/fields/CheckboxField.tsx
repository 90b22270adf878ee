// A labelled checkbox for a boolean; toggling commits at once.
import { useId } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

type Props = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
};

export function CheckboxField({ label, checked, onChange, hint, disabled }: Props) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy(id, { hint })}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}

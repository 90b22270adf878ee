// A fieldset whose settings exist only when switched on (TLS, health check, retries …):
// the checkbox sets a default value or null, the fields show while it is on.
import type { ReactNode } from 'react';
import { CheckboxField } from './CheckboxField';

type Props = {
  legend: string;
  /** The checkbox label, e.g. "TLS" or "Health check". */
  toggleLabel: string;
  enabled: boolean;
  onToggle: (enabled: boolean) => void;
  hint?: string;
  children?: ReactNode;
};

export function ToggleSection({ legend, toggleLabel, enabled, onToggle, hint, children }: Props) {
  return (
    <fieldset className={enabled ? 'toggle-section is-on' : 'toggle-section'}>
      <legend>{legend}</legend>
      <CheckboxField label={toggleLabel} checked={enabled} onChange={onToggle} hint={hint} />
      {enabled && children}
    </fieldset>
  );
}

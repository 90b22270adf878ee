import { useId } from 'react';

type Props = { value: unknown; what: string; onDelete: () => void };

/**
 * Configuration the designer does not model, kept verbatim from an imported config and emitted
 * again as it was. Read-only here; the user can see it and delete it.
 */
export function KeptAsIs({ value, what, onDelete }: Props) {
  const id = useId();
  if (value === undefined) return null;
  return (
    <fieldset className="kept-as-is">
      <legend id={id}>Kept as is</legend>
      <p className="field-hint">{what}</p>
      <pre tabIndex={0} aria-labelledby={id} className="kept-json">
        {JSON.stringify(value, null, 2)}
      </pre>
      <button type="button" className="danger" onClick={onDelete}>
        Delete kept data
      </button>
    </fieldset>
  );
}

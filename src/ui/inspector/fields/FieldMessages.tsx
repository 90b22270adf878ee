// The hint and the validation message under a control; the control points at them with aria-describedby.
export type Messages = { hint?: string; error?: string | null };

export function describedBy(id: string, { hint, error }: Messages): string | undefined {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({ id, hint, error }: Messages & { id: string }) {
  return (
    <>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </>
  );
}

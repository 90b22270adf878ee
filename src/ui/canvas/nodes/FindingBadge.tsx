import { useStore } from '../../../store/store';
import { selectFindingCounts } from '../../../store/selectors';

/** A node's (or rule's) own findings at a glance: errors in red, else warnings in amber. */
export function FindingBadge({ id, what }: { id: string; what: string }) {
  const { errors, warnings } = useStore(selectFindingCounts(id));
  if (errors + warnings === 0) return null;
  const label = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  return (
    <span className={`finding-badge ${errors ? 'finding-error' : 'finding-warning'}`} role="img" aria-label={`${what}: ${label}`} title={label}>
      {errors ? `✖ ${errors}` : `▲ ${warnings}`}
    </span>
  );
}

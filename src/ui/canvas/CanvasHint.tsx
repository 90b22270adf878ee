import { useStore } from '../../store/store';

/** Why a connection was refused, shown over the canvas and announced to screen readers. */
export function CanvasHint() {
  const hint = useStore((s) => s.hint);
  return (
    <div className="canvas-hint" role="status" aria-live="polite" data-testid="canvas-hint">
      {hint && <span>{hint}</span>}
    </div>
  );
}

import { useStore } from '../../store/store';

/** One message at a time under the toolbar: errors are alerts, the rest are polite status. */
export function NoticeBanner() {
  const notice = useStore((s) => s.notice);
  const dismiss = () => useStore.getState().setNotice(null);
  if (!notice) return <div role="status" aria-live="polite" className="visually-hidden" />;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.message}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

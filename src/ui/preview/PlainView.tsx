// The text as a plain <pre>: shown until Monaco's chunk has loaded (or if it never does), so the
// preview is usable and testable from the first paint. One span per line makes highlighting cheap.
import { memo, useEffect, useMemo, useRef } from 'react';
import type { LineRange } from '../../generate/locate';

type Props = { text: string; label: string; highlight: LineRange | null };

export function PlainView({ text, label, highlight }: Props) {
  const preRef = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => text.split('\n'), [text]);
  const start = highlight?.startLine ?? 0;
  const end = highlight?.endLine ?? 0;

  // Keyed on the line numbers only: an edit that leaves the range where it was doesn't scroll.
  useEffect(() => {
    const pre = preRef.current;
    if (!pre || !start) return;
    const first = pre.children[start - 1] as HTMLElement | undefined;
    const last = pre.children[end - 1] as HTMLElement | undefined;
    if (!first || !last) return;
    // Like Monaco's revealLinesInCenterIfOutsideViewport: leave the view alone if the range shows.
    const top = first.offsetTop;
    const bottom = last.offsetTop + last.offsetHeight;
    if (top >= pre.scrollTop && bottom <= pre.scrollTop + pre.clientHeight) return;
    pre.scrollTop = Math.max(0, (top + Math.min(bottom, top + pre.clientHeight)) / 2 - pre.clientHeight / 2);
  }, [start, end]);

  return (
    // Focusable so keyboard users can scroll it; the same role and name as the editor that replaces
    // it, so assistive technology and tests find one read-only textbox either way.
    <pre ref={preRef} className="preview-plain" tabIndex={0} role="textbox" aria-readonly="true" aria-multiline="true" aria-label={label}>
      {lines.map((line, index) => (
        <Line
          key={index}
          text={index < lines.length - 1 ? `${line}\n` : line}
          marked={index + 1 >= start && index + 1 <= end}
        />
      ))}
    </pre>
  );
}

// Memoised: an edit re-renders only the lines whose text or mark changed. The text keeps its
// '\n', so the <pre>'s textContent is exactly the generated file.
const Line = memo(function Line({ text, marked }: { text: string; marked: boolean }) {
  return <span className={marked ? 'preview-line preview-highlight' : 'preview-line'}>{text}</span>;
});

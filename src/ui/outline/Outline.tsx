import { memo } from 'react';
import { useStore } from '../../store/store';
import './outline.css';

/**
 * The graph as a list: every listener, route (with its rules) and cluster as a button that selects
 * it. The keyboard and screen-reader way through the design.
 */
export function Outline() {
  const listeners = useStore((s) => s.design.listeners);
  const routes = useStore((s) => s.design.routes);
  const clusters = useStore((s) => s.design.clusters);
  const selection = useStore((s) => s.selection);
  const item = (id: string, text: string) => <OutlineItem id={id} text={text} current={selection.includes(id)} />;
  return (
    <nav className="outline" aria-label="Design outline">
      <h2>Listeners</h2>
      <ul>{listeners.map((l) => <li key={l.id}>{item(l.id, `${l.name} :${l.port}`)}</li>)}</ul>
      <h2>Routes</h2>
      <ul>
        {routes.map((r) => (
          <li key={r.id}>
            {item(r.id, r.name)}
            <ol>{r.rules.map((rule, i) => <li key={rule.id}>{item(rule.id, `Rule ${i + 1}${rule.name ? `: ${rule.name}` : ''}`)}</li>)}</ol>
          </li>
        ))}
      </ul>
      <h2>Clusters</h2>
      <ul>{clusters.map((c) => <li key={c.id}>{item(c.id, c.name)}</li>)}</ul>
    </nav>
  );
}

/** One element's button; memoised, so an edit re-renders the items it changed, not thousands. */
const OutlineItem = memo(function OutlineItem({ id, text, current }: { id: string; text: string; current: boolean }) {
  const select = useStore((s) => s.select);
  return (
    <button type="button" className="outline-item" aria-current={current ? 'true' : undefined} onClick={() => select([id])}>
      {text}
    </button>
  );
});

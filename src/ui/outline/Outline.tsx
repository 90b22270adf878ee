import { memo, useDeferredValue } from 'react';
import type { Cluster, Design, Listener, Route, Rule } from '../../model/schema';
import { useStore } from '../../store/store';
import { useLastPresent, useShownDocument } from '../useShownDocument';
import { describeMatch } from '../canvas/nodes/ruleSummary';
import './outline.css';

type Names = (id: string | null) => string;

const NONE: never[] = [];

/** Where a listener sends traffic, in words: the routes it serves, or its TCP cluster. */
function listenerText(listener: Listener, routeName: Names, clusterName: Names): string {
  const head = `${listener.name} :${listener.port}`;
  if (listener.protocol === 'tcp') return `${head} → cluster ${clusterName(listener.tcpClusterId)}`;
  return listener.routeIds.length === 0 ? `${head}, serves no route` : `${head} → ${listener.routeIds.map(routeName).join(', ')}`;
}

/** What a rule matches and where it sends a request, in words. */
function ruleText(rule: Rule, index: number, clusterName: Names): string {
  const { action } = rule;
  const target =
    action.kind === 'cluster' ? `cluster ${clusterName(action.clusterId)}`
    : action.kind === 'weighted' ? action.clusters.map((c) => `${clusterName(c.clusterId)} (weight ${c.weight})`).join(', ')
    : action.kind === 'redirect' ? 'redirect'
    : `direct response ${action.status}`;
  return `Rule ${index + 1}: ${describeMatch(rule)} → ${target}`;
}

function namesOf(elements: (Listener | Route | Cluster)[]): Names {
  const names = new Map(elements.map((e) => [e.id, e.name]));
  return (id) => (id === null ? 'none' : (names.get(id) ?? `${id} (removed)`));
}

/**
 * The graph as a list: every listener (with the routes it serves), route (with its rules and where
 * each goes) and cluster as a button that selects it. The keyboard and screen-reader way through
 * the design: listeners → routes → clusters in words.
 */
export function Outline() {
  // Thousands of buttons for a big design: a new document's are drawn after the canvas (see
  // useShownDocument), and an edit's in the background render that also brings the canvas up to
  // date, after the field and the preview (at 1,000 rules the outline re-describes every rule).
  const shown = useShownDocument('after paint');
  const listeners = useShownList(shown, (design) => design.listeners);
  const routes = useShownList(shown, (design) => design.routes);
  const clusters = useShownList(shown, (design) => design.clusters);
  const selection = useStore((s) => s.selection);
  // One subscription for the whole list, handed down: an item's own would be one more listener
  // per element for every change to the store.
  const select = useStore((s) => s.select);
  const item = (id: string, text: string) => <OutlineItem id={id} text={text} current={selection.includes(id)} onSelect={select} />;
  const routeName = namesOf(routes);
  const clusterName = namesOf(clusters);
  return (
    <nav className="outline" aria-label="Design outline">
      <h2>Listeners</h2>
      <ul>{listeners.map((l) => <li key={l.id}>{item(l.id, listenerText(l, routeName, clusterName))}</li>)}</ul>
      <h2>Routes</h2>
      <ul>
        {routes.map((r) => (
          <li key={r.id}>
            {item(r.id, r.name)}
            <ol>{r.rules.map((rule, i) => <li key={rule.id}>{item(rule.id, ruleText(rule, i, clusterName))}</li>)}</ol>
          </li>
        ))}
      </ul>
      <h2>Clusters</h2>
      <ul>{clusters.map((c) => <li key={c.id}>{item(c.id, c.name)}</li>)}</ul>
    </nav>
  );
}

/** One kind of element of the shown document (or the previous one's until then), deferred. */
function useShownList<T>(shown: number, pick: (design: Design) => T[]): T[] {
  return useDeferredValue(useLastPresent(useStore((s) => (s.documentId === shown ? pick(s.design) : null)), NONE));
}

/** One element's button; memoised, so an edit re-renders the items it changed, not thousands. */
type ItemProps = { id: string; text: string; current: boolean; onSelect: (ids: string[]) => void };

const OutlineItem = memo(function OutlineItem({ id, text, current, onSelect }: ItemProps) {
  return (
    <button type="button" className="outline-item" aria-current={current ? 'true' : undefined} onClick={() => onSelect([id])}>
      {text}
    </button>
  );
});

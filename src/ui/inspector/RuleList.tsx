// A route's rules in order (Envoy takes the first that matches): select, move, remove, add,
// and drag to reorder.
import { useId, useState } from 'react';
import { addRule, reorderRule, removeElement } from '../../model/operations';
import type { Route } from '../../model/schema';
import { useStore } from '../../store/store';
import { RuleListItem } from './RuleListItem';

export function RuleList({ route }: { route: Route }) {
  const clusters = useStore((s) => s.design.clusters);
  const edit = useStore((s) => s.edit);
  const select = useStore((s) => s.select);
  const legendId = useId();
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const move = (from: number, to: number) => edit((d) => reorderRule(d, route.id, from, to));
  return (
    <fieldset className="section rule-list" aria-labelledby={legendId}>
      <legend id={legendId}>Rules</legend>
      <p className="field-hint">Envoy uses the first rule that matches. Drag a rule or use ↑ ↓ to reorder.</p>
      {route.rules.length === 0 ? (
        <p className="list-empty">No rules: every request to this host gets 404.</p>
      ) : (
        <ol className="list-rows">
          {route.rules.map((rule, index) => (
            <RuleListItem
              key={rule.id}
              rule={rule}
              index={index}
              count={route.rules.length}
              clusters={clusters}
              dragging={dragFrom}
              onDragFrom={setDragFrom}
              onSelect={() => select([rule.id])}
              onMove={move}
              onRemove={() => edit((d) => removeElement(d, rule.id))}
            />
          ))}
        </ol>
      )}
      <button type="button" className="list-add" onClick={() => edit((d) => addRule(d, route.id).design)}>
        Add rule
      </button>
    </fieldset>
  );
}

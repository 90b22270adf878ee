// One rule in a route's list: its summary and its buttons; draggable onto another position.
import { useState } from 'react';
import type { Cluster, Rule } from '../../model/schema';
import { RowButton } from './fields/RowButton';
import { ruleSummary } from './ruleSummary';

type Props = {
  rule: Rule;
  index: number;
  count: number;
  clusters: readonly Cluster[];
  /** Index of the rule being dragged, if any. */
  dragging: number | null;
  onDragFrom: (index: number | null) => void;
  onSelect: () => void;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
};

const DRAG_TYPE = 'application/x-envoy-rule-index';

export function RuleListItem({ rule, index, count, clusters, dragging, onDragFrom, onSelect, onMove, onRemove }: Props) {
  const [over, setOver] = useState(false);
  const name = `rule ${index + 1}`;
  const classes = ['list-row', 'rule-row', over ? 'drag-over' : '', dragging === index ? 'dragging' : ''].filter(Boolean);
  return (
    <li
      className={classes.join(' ')}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, String(index));
        e.dataTransfer.effectAllowed = 'move';
        onDragFrom(index);
      }}
      onDragEnd={() => onDragFrom(null)}
      onDragOver={(e) => {
        if (dragging === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const data = e.dataTransfer.getData(DRAG_TYPE);
        const from = data !== '' ? Number(data) : dragging;
        if (from !== null && Number.isInteger(from) && from !== index) onMove(from, index);
        onDragFrom(null);
      }}
    >
      <span className="drag-handle" aria-hidden="true">
        ⋮⋮
      </span>
      <span className="row-text">
        <span className="rule-number">{index + 1}.</span> {ruleSummary(rule, clusters)}
      </span>
      <div className="row-actions">
        <RowButton name={`Edit ${name}`} onClick={onSelect}>
          Edit
        </RowButton>
        <RowButton name={`Move ${name} up`} title="Move up" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          ↑
        </RowButton>
        <RowButton name={`Move ${name} down`} title="Move down" disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          ↓
        </RowButton>
        <RowButton name={`Remove ${name}`} onClick={onRemove}>
          Remove
        </RowButton>
      </div>
    </li>
  );
}

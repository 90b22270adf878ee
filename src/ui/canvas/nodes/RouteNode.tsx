import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Route } from '../../../model/schema';
import { useStore } from '../../../store/store';
import type { ElementNode } from '../projection';
import { FindingBadge } from './FindingBadge';
import { RuleRow } from './RuleRow';
import { useCompact } from './useCompact';

// The route comes from the node's data, not the store: the canvas projects a deferred copy of the
// design (Canvas.tsx), so a node re-renders after the inspector and preview have painted.
function RouteNodeView({ id, data }: NodeProps<ElementNode>) {
  const route = data.element as Route;
  const onPath = useStore((s) => s.testPath.includes(id));
  const compact = useCompact();
  return (
    <div className={`node node-route${onPath ? ' on-test-path' : ''}${compact ? ' compact' : ''}`} data-testid={`route-${route.name}`}>
      <Handle type="target" position={Position.Left} id="in" />
      <FindingBadge id={id} what={`Route ${route.name}`} />
      <div className="node-kind">Route</div>
      <div className="node-title">{route.name}</div>
      <div className="node-detail node-domains">{route.domains.join(', ')}</div>
      <ol className="rules" aria-label={`Rules of ${route.name}`}>
        {route.rules.map((rule, index) => (
          <RuleRow key={rule.id} rule={rule} index={index} compact={compact} />
        ))}
      </ol>
      {route.rules.length === 0 && <div className="node-detail">No rules: every request gets 404</div>}
    </div>
  );
}

export const RouteNode = memo(RouteNodeView);

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useStore } from '../../../store/store';
import { FindingBadge } from './FindingBadge';
import { selectRoute } from '../../../store/selectors';
import { RuleRow } from './RuleRow';

function RouteNodeView({ id }: NodeProps) {
  const route = useStore(selectRoute(id));
  const onPath = useStore((s) => s.testPath.includes(id));
  if (!route) return null;
  return (
    <div className={`node node-route${onPath ? ' on-test-path' : ''}`} data-testid={`route-${route.name}`}>
      <Handle type="target" position={Position.Left} id="in" />
      <FindingBadge id={id} what={`Route ${route.name}`} />
      <div className="node-kind">Route</div>
      <div className="node-title">{route.name}</div>
      <div className="node-detail node-domains">{route.domains.join(', ')}</div>
      <ol className="rules" aria-label={`Rules of ${route.name}`}>
        {route.rules.map((rule, index) => (
          <RuleRow key={rule.id} rule={rule} index={index} />
        ))}
      </ol>
      {route.rules.length === 0 && <div className="node-detail">No rules: every request gets 404</div>}
    </div>
  );
}

export const RouteNode = memo(RouteNodeView);

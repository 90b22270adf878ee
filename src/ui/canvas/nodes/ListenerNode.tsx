import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Listener } from '../../../model/schema';
import { useStore } from '../../../store/store';
import type { ElementNode } from '../projection';
import { FindingBadge } from './FindingBadge';

// From the node's data, like RouteNode: it follows the canvas's deferred design.
function ListenerNodeView({ id, data }: NodeProps<ElementNode>) {
  const listener = data.element as Listener;
  const onPath = useStore((s) => s.testPath.includes(id));
  return (
    <div className={`node node-listener${onPath ? ' on-test-path' : ''}`} data-testid={`listener-${listener.name}`}>
      <FindingBadge id={id} what={`Listener ${listener.name}`} />
      <div className="node-kind">Listener</div>
      <div className="node-title">{listener.name}</div>
      <div className="node-detail">
        {listener.address}:{listener.port} · {listener.protocol.toUpperCase()}
        {listener.tls && <span className="badge">TLS</span>}
      </div>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
}

export const ListenerNode = memo(ListenerNodeView);

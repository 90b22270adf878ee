import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useStore } from '../../../store/store';
import { FindingBadge } from './FindingBadge';
import { selectListener } from '../../../store/selectors';

function ListenerNodeView({ id }: NodeProps) {
  const listener = useStore(selectListener(id));
  const onPath = useStore((s) => s.testPath.includes(id));
  if (!listener) return null;
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

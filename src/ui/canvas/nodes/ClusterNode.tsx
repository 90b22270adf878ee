import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Cluster } from '../../../model/schema';
import { useStore } from '../../../store/store';
import type { ElementNode } from '../projection';
import { FindingBadge } from './FindingBadge';

// From the node's data, like RouteNode: it follows the canvas's deferred design.
function ClusterNodeView({ id, data }: NodeProps<ElementNode>) {
  const cluster = data.element as Cluster;
  const onPath = useStore((s) => s.testPath.includes(id));
  const endpoints = cluster.endpoints.length;
  return (
    <div className={`node node-cluster${onPath ? ' on-test-path' : ''}`} data-testid={`cluster-${cluster.name}`}>
      <Handle type="target" position={Position.Left} id="in" />
      <FindingBadge id={id} what={`Cluster ${cluster.name}`} />
      <div className="node-kind">Cluster</div>
      <div className="node-title">{cluster.name}</div>
      <div className="node-detail">
        {cluster.type} · {cluster.lbPolicy}
      </div>
      <div className="node-detail">
        {endpoints} endpoint{endpoints === 1 ? '' : 's'}
        {cluster.tls && <span className="badge">TLS</span>}
        {cluster.http2 && <span className="badge">H2</span>}
      </div>
    </div>
  );
}

export const ClusterNode = memo(ClusterNodeView);

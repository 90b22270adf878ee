import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useStore } from '../../../store/store';
import { FindingBadge } from './FindingBadge';
import { selectCluster } from '../../../store/selectors';

function ClusterNodeView({ id }: NodeProps) {
  const cluster = useStore(selectCluster(id));
  const onPath = useStore((s) => s.testPath.includes(id));
  if (!cluster) return null;
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

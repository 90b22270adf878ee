// The cluster a forwarding rule sends to: the keyboard way to connect rule → cluster.
import { useStore } from '../../store/store';
import { clusterOptions } from './clusterOptions';
import { SelectField } from './fields/SelectField';
import { withAction } from './ruleEdits';
import { useRulePatch } from './usePatch';

export function ForwardTarget({ ruleId, clusterId }: { ruleId: string; clusterId: string | null }) {
  const design = useStore((s) => s.design);
  const patch = useRulePatch(ruleId);
  const dangling = clusterId !== null && !design.clusters.some((c) => c.id === clusterId);
  const error = clusterId === null ? 'pick the cluster this rule forwards to' : dangling ? 'this cluster was removed' : null;
  return (
    <SelectField
      label="Cluster"
      value={clusterId ?? ''}
      options={clusterOptions(design, clusterId)}
      error={error}
      onChange={(id) => patch(withAction('cluster', { clusterId: id || null }))}
    />
  );
}

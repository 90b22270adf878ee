// The one cluster a TCP listener proxies to: the keyboard way to connect listener → cluster.
import { connect, disconnect } from '../../model/connections';
import type { Listener } from '../../model/schema';
import { useStore } from '../../store/store';
import { clusterOptions } from './clusterOptions';
import { Section } from './fields/Section';
import { SelectField } from './fields/SelectField';

export function TcpTarget({ listener }: { listener: Listener }) {
  const design = useStore((s) => s.design);
  const edit = useStore((s) => s.edit);
  const current = listener.tcpClusterId;
  const dangling = current !== null && !design.clusters.some((c) => c.id === current);
  const choose = (clusterId: string) =>
    edit((d) => {
      const without = current ? disconnect(d, listener.id, current) : d;
      if (!clusterId) return without;
      const result = connect(without, listener.id, clusterId);
      return result.ok ? result.design : d;
    });
  return (
    <Section legend="TCP proxy">
      <SelectField
        label="Cluster"
        value={current ?? ''}
        options={clusterOptions(design, current)}
        onChange={choose}
        error={current === null ? 'pick the cluster this listener proxies to' : dangling ? 'this cluster was removed' : null}
      />
    </Section>
  );
}

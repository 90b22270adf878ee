// Inspector form for a cluster: an upstream service, how Envoy finds, balances and protects it.
import { KeptAsIs } from './KeptAsIs';
import { Cluster, DiscoveryType, LbPolicy } from '../../model/schema';
import { useStore } from '../../store/store';
import { nonEmpty, trimmed, typeRefusal } from './checks';
import { CircuitBreakersSection } from './CircuitBreakersSection';
import { ClusterTlsSection } from './ClusterTlsSection';
import { DeleteElementButton } from './DeleteElementButton';
import { uniqueName } from './designChecks';
import { EndpointsEditor } from './EndpointsEditor';
import { CheckboxField } from './fields/CheckboxField';
import { Section } from './fields/Section';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { HealthCheckSection } from './HealthCheckSection';
import { InspectorHeading } from './InspectorHeading';
import { OutlierDetectionSection } from './OutlierDetectionSection';
import { schemaCheck } from './parse';
import { useClusterPatch } from './usePatch';

const LB_LABELS: Record<Cluster['lbPolicy'], string> = {
  ROUND_ROBIN: 'Round robin',
  LEAST_REQUEST: 'Least request',
  RANDOM: 'Random',
  RING_HASH: 'Ring hash',
  MAGLEV: 'Maglev',
};

const connectTimeoutCheck = schemaCheck(Cluster.shape.connectTimeout);

export function ClusterForm({ cluster }: { cluster: Cluster }) {
  const design = useStore((s) => s.design);
  const patch = useClusterPatch(cluster.id);
  const types = DiscoveryType.options.map((type) => {
    const refusal = type === cluster.type ? null : typeRefusal(type, cluster);
    return { value: type, label: refusal ? `${type} (${refusal})` : type, disabled: refusal !== null };
  });
  return (
    <>
      <InspectorHeading kind="cluster">{`Cluster "${cluster.name}"`}</InspectorHeading>
      <Section legend="Cluster">
        <TextField
          label="Name"
          value={cluster.name}
          checks={[nonEmpty, trimmed, uniqueName(design, 'cluster', cluster.id)]}
          onCommit={(name) => patch(() => ({ name }))}
        />
        <SelectField
          label="Type"
          value={cluster.type}
          options={types}
          error={typeRefusal(cluster.type, cluster) && `${cluster.type} ${typeRefusal(cluster.type, cluster)}`}
          hint="STATIC: IP addresses; STRICT_DNS: every address a name resolves to; LOGICAL_DNS: one name, first address"
          onChange={(type) => patch(() => ({ type }))}
        />
        <SelectField
          label="Load balancing"
          value={cluster.lbPolicy}
          options={LbPolicy.options.map((p) => ({ value: p, label: LB_LABELS[p] }))}
          onChange={(lbPolicy) => patch(() => ({ lbPolicy }))}
        />
        <TextField
          label="Connect timeout"
          value={cluster.connectTimeout}
          checks={[connectTimeoutCheck]}
          hint="Like 0.25s or 5s"
          onCommit={(connectTimeout) => patch(() => ({ connectTimeout }))}
        />
        <CheckboxField label="HTTP/2 upstream" checked={cluster.http2} hint="Needed for gRPC backends" onChange={(http2) => patch(() => ({ http2 }))} />
      </Section>
      <EndpointsEditor cluster={cluster} />
      <ClusterTlsSection cluster={cluster} />
      <HealthCheckSection cluster={cluster} />
      <CircuitBreakersSection cluster={cluster} />
      <OutlierDetectionSection cluster={cluster} />
      <KeptAsIs value={cluster.raw} what="This whole cluster came from an imported config the designer cannot model; only its name is edited." onDelete={() => patch(() => ({ raw: undefined }))} />
      <KeptAsIs value={cluster.kept} what="Fields of the imported cluster the designer does not model, emitted again as they were." onDelete={() => patch(() => ({ kept: undefined }))} />
      <DeleteElementButton id={cluster.id} kind="cluster" />
    </>
  );
}

// A cluster's endpoints: host (or IP for STATIC), port and optional load-balancing weight.
import { Endpoint, Port, type Cluster } from '../../model/schema';
import { ipAddress, nonEmpty, noSpaces } from './checks';
import { ListEditor } from './fields/ListEditor';
import { NumberField } from './fields/NumberField';
import { OptionalField } from './fields/OptionalField';
import { TextField } from './fields/TextField';
import { integerParser, schemaCheck } from './parse';
import { replaceAt } from './ruleEdits';
import { useClusterPatch } from './usePatch';

const weightParser = integerParser(schemaCheck(Endpoint.shape.weight.unwrap()));
const portCheck = schemaCheck(Port);

function newEndpoint(cluster: Cluster): Endpoint {
  const last = cluster.endpoints.at(-1);
  const host = cluster.type === 'STATIC' ? '127.0.0.1' : (last?.host ?? `${cluster.name}.default.svc.cluster.local`);
  return { host, port: last?.port ?? 8080, weight: null };
}

export function EndpointsEditor({ cluster }: { cluster: Cluster }) {
  const patch = useClusterPatch(cluster.id);
  const update = (index: number, change: Partial<Endpoint>) => patch((c) => ({ endpoints: replaceAt(c.endpoints, index, change) }));
  const logical = cluster.type === 'LOGICAL_DNS' && cluster.endpoints.length >= 1;
  return (
    <ListEditor
      legend="Endpoints"
      noun="endpoint"
      items={cluster.endpoints}
      empty="No endpoints: requests to this cluster fail with 503."
      onAdd={() => patch((c) => ({ endpoints: [...c.endpoints, newEndpoint(c)] }))}
      addDisabled={logical ? 'A LOGICAL_DNS cluster takes exactly one endpoint' : undefined}
      onRemove={(index) => patch((c) => ({ endpoints: c.endpoints.filter((_, i) => i !== index) }))}
      renderItem={(endpoint, index, label) => (
        <>
          <TextField
            label={`${label} host`}
            value={endpoint.host}
            monospace
            checks={[nonEmpty, noSpaces, cluster.type === 'STATIC' && ipAddress]}
            hint={cluster.type === 'STATIC' ? 'An IP address (STATIC cluster)' : undefined}
            onCommit={(host) => update(index, { host })}
          />
          <NumberField label={`${label} port`} value={endpoint.port} checks={[portCheck]} onCommit={(port) => update(index, { port })} />
          <OptionalField
            label={`${label} weight`}
            value={endpoint.weight}
            parse={weightParser}
            numeric
            placeholder="none"
            onCommit={(weight) => update(index, { weight })}
          />
        </>
      )}
    />
  );
}

// Active HTTP health checking of a cluster's endpoints.
import { HealthCheck, type Cluster } from '../../model/schema';
import { compactTextParser } from './durations';
import { NumberField } from './fields/NumberField';
import { OptionalField } from './fields/OptionalField';
import { TextField } from './fields/TextField';
import { ToggleSection } from './fields/ToggleSection';
import { schemaCheck } from './parse';
import { useClusterPatch } from './usePatch';

const DEFAULT_HEALTH_CHECK: HealthCheck = { path: '/healthz', host: null, interval: '5s', timeout: '1s', healthyThreshold: 1, unhealthyThreshold: 3 };
const check = {
  path: schemaCheck(HealthCheck.shape.path),
  interval: schemaCheck(HealthCheck.shape.interval),
  timeout: schemaCheck(HealthCheck.shape.timeout),
  healthy: schemaCheck(HealthCheck.shape.healthyThreshold),
  unhealthy: schemaCheck(HealthCheck.shape.unhealthyThreshold),
};

export function HealthCheckSection({ cluster }: { cluster: Cluster }) {
  const patch = useClusterPatch(cluster.id);
  const hc = cluster.healthCheck;
  const change = (p: Partial<HealthCheck>) => patch((c) => (c.healthCheck ? { healthCheck: { ...c.healthCheck, ...p } } : {}));
  return (
    <ToggleSection
      legend="Health check"
      toggleLabel="Health check"
      enabled={hc !== null}
      hint="Envoy probes each endpoint over HTTP and stops sending to failing ones"
      onToggle={(on) => patch(() => ({ healthCheck: on ? DEFAULT_HEALTH_CHECK : null }))}
    >
      {hc && (
        <>
          <TextField label="Path" value={hc.path} monospace checks={[check.path]} onCommit={(path) => change({ path })} />
          <OptionalField
            label="Host"
            value={hc.host}
            parse={compactTextParser}
            monospace
            placeholder="the cluster's name"
            hint="Host header of the probe"
            onCommit={(host) => change({ host })}
          />
          <TextField label="Interval" value={hc.interval} checks={[check.interval]} hint="Like 5s" onCommit={(interval) => change({ interval })} />
          <TextField label="Timeout" value={hc.timeout} checks={[check.timeout]} hint="Like 1s" onCommit={(timeout) => change({ timeout })} />
          <NumberField
            label="Healthy threshold"
            value={hc.healthyThreshold}
            checks={[check.healthy]}
            hint="Passing probes before an endpoint counts as healthy"
            onCommit={(healthyThreshold) => change({ healthyThreshold })}
          />
          <NumberField
            label="Unhealthy threshold"
            value={hc.unhealthyThreshold}
            checks={[check.unhealthy]}
            hint="Failing probes before an endpoint counts as unhealthy"
            onCommit={(unhealthyThreshold) => change({ unhealthyThreshold })}
          />
        </>
      )}
    </ToggleSection>
  );
}

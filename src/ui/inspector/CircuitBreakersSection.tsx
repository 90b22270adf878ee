// Circuit breaker thresholds: limits beyond which Envoy fails fast instead of queueing.
import { CircuitBreakers, type Cluster } from '../../model/schema';
import { OptionalField } from './fields/OptionalField';
import { ToggleSection } from './fields/ToggleSection';
import { integerParser, schemaCheck } from './parse';
import { useClusterPatch } from './usePatch';

type Key = keyof CircuitBreakers;

const FIELDS: { key: Key; label: string; envoyDefault: string }[] = [
  { key: 'maxConnections', label: 'Max connections', envoyDefault: '1024' },
  { key: 'maxPendingRequests', label: 'Max pending requests', envoyDefault: '1024' },
  { key: 'maxRequests', label: 'Max requests', envoyDefault: '1024' },
  { key: 'maxRetries', label: 'Max retries', envoyDefault: '3' },
];

const parsers = Object.fromEntries(FIELDS.map(({ key }) => [key, integerParser(schemaCheck(CircuitBreakers.shape[key].unwrap()))]));
const NONE: CircuitBreakers = { maxConnections: null, maxPendingRequests: null, maxRequests: null, maxRetries: null };

export function CircuitBreakersSection({ cluster }: { cluster: Cluster }) {
  const patch = useClusterPatch(cluster.id);
  const breakers = cluster.circuitBreakers;
  const change = (key: Key, value: number | null) =>
    patch((c) => (c.circuitBreakers ? { circuitBreakers: { ...c.circuitBreakers, [key]: value } } : {}));
  return (
    <ToggleSection
      legend="Circuit breakers"
      toggleLabel="Circuit breakers"
      enabled={breakers !== null}
      onToggle={(on) => patch(() => ({ circuitBreakers: on ? NONE : null }))}
    >
      {breakers &&
        FIELDS.map(({ key, label, envoyDefault }) => (
          <OptionalField
            key={key}
            label={label}
            value={breakers[key]}
            parse={parsers[key]}
            numeric
            placeholder={`${envoyDefault} (Envoy's default)`}
            onCommit={(value) => change(key, value)}
          />
        ))}
    </ToggleSection>
  );
}

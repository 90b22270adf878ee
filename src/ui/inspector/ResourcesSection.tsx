// CPU and memory requests and limits of the Envoy container; empty means unset.
import { Resources } from '../../model/schema';
import { OptionalField } from './fields/OptionalField';
import { Section } from './fields/Section';
import { schemaCheck, textParser } from './parse';
import { requestAboveLimit } from './quantity';
import { useDeploymentPatch } from './usePatch';

type Key = 'requestsCpu' | 'requestsMemory' | 'limitsCpu' | 'limitsMemory';
type ResourceValues = Record<Key, string | null>;

const quantityCheck = schemaCheck(Resources.shape.requestsCpu.unwrap());

const FIELDS: { key: Key; label: string; pair: Key; request: boolean; example: string }[] = [
  { key: 'requestsCpu', label: 'CPU request', pair: 'limitsCpu', request: true, example: '100m' },
  { key: 'requestsMemory', label: 'Memory request', pair: 'limitsMemory', request: true, example: '64Mi' },
  { key: 'limitsCpu', label: 'CPU limit', pair: 'requestsCpu', request: false, example: '500m' },
  { key: 'limitsMemory', label: 'Memory limit', pair: 'requestsMemory', request: false, example: '256Mi' },
];

export function ResourcesSection({ resources }: { resources: ResourceValues }) {
  const patch = useDeploymentPatch();
  return (
    <Section legend="Resources">
      {FIELDS.map(({ key, label, pair, request, example }) => {
        const other = resources[pair];
        const order = (value: string) =>
          (request ? requestAboveLimit(value, other) : requestAboveLimit(other, value))
            ? request ? `must not exceed the limit (${other})` : `must not be below the request (${other})`
            : null;
        return (
          <OptionalField
            key={key}
            label={label}
            value={resources[key]}
            parse={textParser(quantityCheck, order)}
            placeholder={`unset, e.g. ${example}`}
            monospace
            onCommit={(value) => patch((d) => ({ resources: { ...d.resources, [key]: value } }))}
          />
        );
      })}
    </Section>
  );
}

// Extra Kubernetes labels on every generated object, as key/value rows.
import { Deployment } from '../../model/schema';
import { labelKey } from './designChecks';
import { ListEditor } from './fields/ListEditor';
import { TextField } from './fields/TextField';
import { schemaCheck } from './parse';
import { useDeploymentPatch } from './usePatch';

type Labels = Record<string, string>;

const keyCheck = schemaCheck(Deployment.shape.labels.keyType);
const valueCheck = schemaCheck(Deployment.shape.labels.valueType);

function freeKey(labels: Labels): string {
  for (let n = 1; ; n++) {
    const key = n === 1 ? 'label' : `label-${n}`;
    if (!(key in labels)) return key;
  }
}

export function LabelsEditor({ labels }: { labels: Labels }) {
  const patch = useDeploymentPatch();
  const entries = Object.entries(labels);
  const keys = entries.map(([key]) => key);
  /** Rewrites the labels in order, changing the entry at `index`. */
  const update = (change: (entries: [string, string][]) => [string, string][]) =>
    patch((d) => ({ labels: Object.fromEntries(change(Object.entries(d.labels))) }));
  const replace = (index: number, entry: Partial<{ key: string; value: string }>) =>
    update((current) => current.map(([k, v], i) => (i === index ? [entry.key ?? k, entry.value ?? v] : [k, v])));
  return (
    <ListEditor
      legend="Labels"
      noun="label"
      items={entries}
      empty="Only the generator's app.kubernetes.io labels."
      onAdd={() => patch((d) => ({ labels: { ...d.labels, [freeKey(d.labels)]: '' } }))}
      onRemove={(index) => update((current) => current.filter((_, i) => i !== index))}
      renderItem={([key, value], index, label) => (
        <>
          <TextField label={`${label} key`} value={key} monospace checks={[keyCheck, labelKey(keys, index)]} onCommit={(k) => replace(index, { key: k })} />
          <TextField label={`${label} value`} value={value} monospace checks={[valueCheck]} onCommit={(v) => replace(index, { value: v })} />
        </>
      )}
    />
  );
}

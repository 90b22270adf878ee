// Headers to add: name, value, and whether to append to an existing value or overwrite it.
import type { HeaderToAdd } from '../../model/schema';
import { headerValue, modifiableHeaderName } from './checks';
import { CheckboxField } from './fields/CheckboxField';
import { ListEditor } from './fields/ListEditor';
import { TextField } from './fields/TextField';
import { replaceAt } from './ruleEdits';

type Props = {
  legend: string;
  noun: string;
  items: readonly HeaderToAdd[];
  onChange: (update: (items: HeaderToAdd[]) => HeaderToAdd[]) => void;
};

export function HeadersToAddEditor({ legend, noun, items, onChange }: Props) {
  const update = (index: number, patch: Partial<HeaderToAdd>) => onChange((current) => replaceAt(current, index, patch));
  return (
    <ListEditor
      legend={legend}
      noun={noun}
      items={items}
      empty="None."
      onAdd={() => onChange((current) => [...current, { name: 'x-added-by', value: 'envoy', append: false }])}
      onRemove={(index) => onChange((current) => current.filter((_, i) => i !== index))}
      renderItem={(header, index, label) => (
        <>
          <TextField label={`${label} name`} value={header.name} monospace checks={[modifiableHeaderName]} onCommit={(name) => update(index, { name })} />
          <TextField
            label={`${label} value`}
            value={header.value}
            monospace
            checks={[headerValue]}
            hint="%VARIABLE% inserts a value, e.g. %DOWNSTREAM_REMOTE_ADDRESS%; %% is a literal %"
            onCommit={(value) => update(index, { value })}
          />
          <CheckboxField
            label={`${label} append`}
            checked={header.append}
            hint="Off: overwrite an existing value"
            onChange={(append) => update(index, { append })}
          />
        </>
      )}
    />
  );
}

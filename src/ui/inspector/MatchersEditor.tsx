// Header or query-parameter conditions of a rule: name, kind of match, value.
import { matcherValue } from './checks';
import { ListEditor } from './fields/ListEditor';
import { SelectField, type Option } from './fields/SelectField';
import { TextField } from './fields/TextField';
import type { Check } from './parse';
import { matcherValueForKind, replaceAt } from './ruleEdits';

type Matcher<K extends string> = { name: string; kind: K; value: string };

type Props<K extends string> = {
  legend: string;
  noun: string;
  kinds: readonly Option<K>[];
  items: readonly Matcher<K>[];
  nameCheck: Check;
  newItem: Matcher<K>;
  /** Receives an update of the current items (applied to the latest store state). */
  onChange: (update: (items: Matcher<K>[]) => Matcher<K>[]) => void;
};

const needsValue = (kind: string) => kind !== 'present' && kind !== 'absent';

export function MatchersEditor<K extends string>({ legend, noun, kinds, items, nameCheck, newItem, onChange }: Props<K>) {
  const update = (index: number, patch: Partial<Matcher<K>>) => onChange((current) => replaceAt(current, index, patch));
  return (
    <ListEditor
      legend={legend}
      noun={noun}
      items={items}
      empty="None: the path alone decides."
      onAdd={() => onChange((current) => [...current, newItem])}
      onRemove={(index) => onChange((current) => current.filter((_, i) => i !== index))}
      renderItem={(item, index, label) => (
        <>
          <TextField label={`${label} name`} value={item.name} monospace checks={[nameCheck]} onCommit={(name) => update(index, { name })} />
          <SelectField
            label={`${label} match`}
            value={item.kind}
            options={kinds}
            onChange={(kind) => update(index, { kind, value: matcherValueForKind(kind, item.value) })}
          />
          {needsValue(item.kind) && (
            <TextField
              label={`${label} value`}
              value={item.value}
              monospace
              checks={[(value) => matcherValue(item.kind, value)]}
              onCommit={(value) => update(index, { value })}
            />
          )}
        </>
      )}
    />
  );
}

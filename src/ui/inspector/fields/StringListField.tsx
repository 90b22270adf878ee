// A list of plain strings (domains, headers to remove), each row its own checked text field.
import type { Check } from '../parse';
import { ListEditor } from './ListEditor';
import { TextField } from './TextField';

type Props = {
  legend: string;
  noun: string;
  items: readonly string[];
  /** Receives an update of the current items (applied to the latest store state). */
  onChange: (update: (items: string[]) => string[]) => void;
  /** Checks for the row at `index`. */
  checksFor: (index: number) => (Check | null | undefined | false)[];
  newItem: () => string;
  empty?: string;
  keepOne?: string;
  monospace?: boolean;
};

export function StringListField({ items, onChange, checksFor, newItem, monospace, ...list }: Props) {
  const replace = (index: number, value: string) => onChange((current) => current.map((item, i) => (i === index ? value : item)));
  return (
    <ListEditor
      {...list}
      items={items}
      onAdd={() => onChange((current) => [...current, newItem()])}
      onRemove={(index) => onChange((current) => current.filter((_, i) => i !== index))}
      renderItem={(item, index, label) => (
        <TextField label={label} value={item} checks={checksFor(index)} onCommit={(value) => replace(index, value)} monospace={monospace} />
      )}
    />
  );
}

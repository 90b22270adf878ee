// An editable list of rows (endpoints, header matchers, domains …): each row numbered, with a
// Remove button (and optional Move buttons); an Add button below.
import { useId, type ReactNode } from 'react';
import { RowButton } from './RowButton';

type Props<T> = {
  legend: string;
  /** What one row is, in lower case: row labels read "Endpoint 1", buttons "Remove endpoint 1". */
  noun: string;
  items: readonly T[];
  renderItem: (item: T, index: number, rowLabel: string) => ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMove?: (from: number, to: number) => void;
  /** Shown when there are no rows. */
  empty?: string;
  /** Why rows cannot be removed (e.g. a route needs one domain); disables Remove on a sole row. */
  keepOne?: string;
  hint?: ReactNode;
  /** Why no row can be added right now; disables the Add button and says why. */
  addDisabled?: string;
};

export const rowLabel = (noun: string, index: number) => `${noun[0].toUpperCase()}${noun.slice(1)} ${index + 1}`;

export function ListEditor<T>({ legend, noun, items, renderItem, onAdd, onRemove, onMove, empty, keepOne, hint, addDisabled }: Props<T>) {
  const legendId = useId();
  const cannotRemove = keepOne !== undefined && items.length <= 1;
  return (
    <fieldset className="list-editor" aria-labelledby={legendId}>
      <legend id={legendId}>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {items.length === 0 && empty && <p className="list-empty">{empty}</p>}
      {items.length > 0 && (
        <ol className="list-rows">
          {items.map((item, index) => {
            const label = rowLabel(noun, index);
            const name = `${noun} ${index + 1}`;
            return (
              <li key={index} className="list-row">
                <div className="list-row-fields">{renderItem(item, index, label)}</div>
                <div className="row-actions">
                  {onMove && (
                    <>
                      <RowButton name={`Move ${name} up`} title="Move up" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
                        ↑
                      </RowButton>
                      <RowButton name={`Move ${name} down`} title="Move down" disabled={index === items.length - 1} onClick={() => onMove(index, index + 1)}>
                        ↓
                      </RowButton>
                    </>
                  )}
                  <RowButton name={`Remove ${name}`} title={cannotRemove ? keepOne : undefined} disabled={cannotRemove} onClick={() => onRemove(index)}>
                    Remove
                  </RowButton>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="list-add" disabled={addDisabled !== undefined} title={addDisabled} onClick={onAdd}>
        Add {noun}
      </button>
      {addDisabled && <p className="field-hint">{addDisabled}</p>}
    </fieldset>
  );
}

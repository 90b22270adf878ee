// "Delete listener" and friends: removes the element, then selects `then` (by default nothing).
import { removeElement } from '../../model/operations';
import { useStore } from '../../store/store';

type Props = { id: string; kind: 'listener' | 'route' | 'rule' | 'cluster'; then?: string[] };

export function DeleteElementButton({ id, kind, then = [] }: Props) {
  const edit = useStore((s) => s.edit);
  const select = useStore((s) => s.select);
  const remove = () => {
    edit((design) => removeElement(design, id));
    select(then);
  };
  return (
    <div className="inspector-actions">
      <button type="button" className="danger" onClick={remove}>
        Delete {kind}
      </button>
    </div>
  );
}

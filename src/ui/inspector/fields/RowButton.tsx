// A small row button whose accessible name says which row it acts on ("Remove endpoint 2")
// while showing only a short text or symbol. The name lives in visually hidden text, not in
// aria-label, so `getByLabel('Endpoint 2')` finds the row's field, never its buttons.
type Props = {
  /** The full accessible name, e.g. "Move rule 1 up". */
  name: string;
  /** What is shown, e.g. "↑" or "Remove". */
  children: string;
  onClick: () => void;
  disabled?: boolean;
  title?: string;
};

export function RowButton({ name, children, onClick, disabled, title }: Props) {
  const words = name === children;
  return (
    <button type="button" title={title} disabled={disabled} onClick={onClick}>
      {words ? children : (
        <>
          <span aria-hidden="true">{children}</span>
          <span className="visually-hidden">{name}</span>
        </>
      )}
    </button>
  );
}

import { useRef } from 'react';
import type { Design } from '../../model/schema';
import { TEMPLATES, emptyDesign } from '../../model/templates';
import { useStore } from '../../store/store';
import './dialogs.css';

/** "New": start from an empty design or a template. Replaces the current design. */
export function NewDesignButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const start = (design: Design) => {
    const { replaceDesign, select } = useStore.getState();
    replaceDesign(design);
    select([]);
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        New…
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="new-design-title">
        <h2 id="new-design-title">New design</h2>
        <p>Replaces the current design.</p>
        <ul className="choices">
          <li>
            <button type="button" onClick={() => start(emptyDesign())}>
              <strong>Empty design</strong>
              <span>Nothing drawn yet</span>
            </button>
          </li>
          {TEMPLATES.map((template) => (
            <li key={template.name}>
              <button type="button" onClick={() => start(template.build())}>
                <strong>{template.title}</strong>
                <span>{template.description}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}

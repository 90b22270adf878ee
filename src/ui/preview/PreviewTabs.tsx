// The file tabs: an ARIA tablist with roving tabindex and automatic activation (switching a tab
// is cheap: the text is already generated), per the WAI-ARIA Authoring Practices tabs pattern.
import { useRef, type KeyboardEvent } from 'react';
import { FILE_NAMES, type FileName } from '../../generate/files';

type Props = {
  active: FileName;
  onSelect: (file: FileName) => void;
  tabId: (file: FileName) => string;
  panelId: string;
};

export function PreviewTabs({ active, onSelect, tabId, panelId }: Props) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = FILE_NAMES.indexOf(active);
    const last = FILE_NAMES.length - 1;
    const next: Partial<Record<string, number>> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const file = FILE_NAMES[target];
    onSelect(file);
    // Move focus with the selection; the tab element exists already, only its state changes.
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(file))}`)?.focus();
  }

  return (
    <div ref={listRef} role="tablist" aria-label="Generated files" className="preview-tabs" onKeyDown={onKeyDown}>
      {FILE_NAMES.map((file) => {
        const selected = file === active;
        return (
          <button
            key={file}
            id={tabId(file)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className="preview-tab"
            onClick={() => onSelect(file)}
          >
            {file}
          </button>
        );
      })}
    </div>
  );
}

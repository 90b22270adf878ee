import { useRef } from 'react';
import { copyLink, downloadBundle, openDesignFile, saveDesignAs } from '../documents/documentActions';
import { NewDesignButton } from '../dialogs/NewDesignDialog';
import { ImportDialog } from '../dialogs/ImportDialog';
import { useStore } from '../../store/store';

/** New, Open, Save as, Download bundle, Copy link. */
export function DocumentButtons() {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="toolbar-group" role="group" aria-label="Document">
      <NewDesignButton />
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Open design.json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void openDesignFile(file);
        }}
      />
      <button type="button" onClick={() => useStore.getState().setImportDraft({ text: '', name: '' })}>
        Import…
      </button>
      <ImportDialog />
      <button type="button" onClick={saveDesignAs}>
        Save as
      </button>
      <button type="button" onClick={downloadBundle}>
        Download
      </button>
      <button type="button" onClick={() => void copyLink()}>
        Copy link
      </button>
    </div>
  );
}

// Document actions behind the toolbar: open and save design.json, download the bundle, copy a link.
import { loadDesignText } from '../../model/load';
import { bundleZip, safeFileStem } from '../../share/bundle';
import { permalinkUrl } from '../../share/permalink';
import { designJson } from '../../generate/designJson';
import { selectErrorCount } from '../../store/selectors';
import { useStore } from '../../store/store';
import { downloadFile } from './download';
import { applyLoaded } from './openDocument';

/** Larger files are refused before they are read: no design comes near this. */
export const MAX_DESIGN_FILE_BYTES = 5 * 1024 * 1024;

/** Downloads and links still work with errors present, but say plainly what Envoy would do. */
function rejectionWarning(): string {
  const errors = selectErrorCount(useStore.getState());
  return errors === 0 ? '' : ` Envoy would reject this config: ${errors} error${errors === 1 ? '' : 's'} (see Problems).`;
}

export async function downloadBundle() {
  const { design, appUrl, setNotice } = useStore.getState();
  // The generators load with the preview, not the canvas; usually they are here already.
  const { filesOf } = await import('../../store/files');
  downloadFile(`${safeFileStem(design.name)}.zip`, bundleZip(filesOf(design, appUrl)), 'application/zip');
  const warning = rejectionWarning();
  if (warning) setNotice({ kind: 'warning', message: `Downloaded.${warning}` });
}

export function saveDesignAs() {
  downloadFile('design.json', designJson(useStore.getState().design), 'application/json');
}

export async function copyLink() {
  const { design, appUrl, setNotice } = useStore.getState();
  const url = permalinkUrl(appUrl, design);
  try {
    await navigator.clipboard.writeText(url);
    const warning = rejectionWarning();
    setNotice({ kind: warning ? 'warning' : 'info', message: `Link copied (${url.length.toLocaleString('en')} characters). The design is in the link itself; it never reaches a server.${warning}` });
  } catch {
    setNotice({ kind: 'warning', message: 'The clipboard is not available here; the link could not be copied.' });
  }
}

/** Reads a chosen design.json through the one validated load path. */
export async function openDesignFile(file: File) {
  if (file.size > MAX_DESIGN_FILE_BYTES) {
    useStore.getState().setNotice({ kind: 'error', message: `${file.name} could not be opened: it is larger than 5 MiB. Your current design is unchanged.` });
    return;
  }
  applyLoaded(loadDesignText(await file.text()), file.name);
}

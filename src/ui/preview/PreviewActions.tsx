// Copy and Download for the active file. Both act on the exact generated text from the store,
// never on what an editor displays, so what a user deploys is byte-for-byte what was generated.
import { useEffect, useRef, useState } from 'react';
import type { FileName } from '../../generate/files';
import { mimeOf } from './previewText';
import { downloadFile } from '../documents/download';

const STATUS_MS = 1500;

export function PreviewActions({ file, text }: { file: FileName; text: string }) {
  const [status, setStatus] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  function announce(message: string) {
    setStatus(message);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(''), STATUS_MS);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      announce('Copied');
    } catch {
      // Clipboard access can be denied (permissions, insecure context); say so rather than fail silently.
      announce('Copy failed');
    }
  }

  return (
    <div className="preview-actions">
      {/* A separate live region, so the buttons' names stay stable while the status is announced. */}
      <span className="preview-status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label={`Copy ${file}`} onClick={copy}>
        Copy
      </button>
      <button type="button" aria-label={`Download ${file}`} onClick={() => downloadFile(file, text, mimeOf(file))}>
        Download
      </button>
    </div>
  );
}

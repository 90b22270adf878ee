// Saves bytes or text as a file through the browser's download, from an object URL (never a server).
export function downloadFile(fileName: string, content: string | Uint8Array, type: string) {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  // Firefox only follows a click on an anchor that is in the document.
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking synchronously can cancel the download before the browser has read the Blob.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The generated files are computed from the design, never stored beside it; memoised by design
// identity so every subscriber shares one computation per edit (and, files being lazy, each file is
// built only when something reads it). Loaded with the preview, not with the canvas.
import { generateFiles, type GeneratedFiles } from '../generate/files';
import type { Design } from '../model/schema';

let lastDesign: Design | null = null;
let lastAppUrl = '';
let lastFiles: GeneratedFiles | null = null;

export function filesOf(design: Design, appUrl = ''): GeneratedFiles {
  if (design !== lastDesign || appUrl !== lastAppUrl || !lastFiles) {
    const previous = lastDesign && lastFiles && appUrl === lastAppUrl ? { design: lastDesign, files: lastFiles } : undefined;
    lastFiles = generateFiles(design, { appUrl }, previous);
    lastDesign = design;
    lastAppUrl = appUrl;
  }
  return lastFiles;
}

// Pure helpers behind the preview panel, kept free of React and Monaco so they are unit-tested.
import type { FileName } from '../../generate/files';
import { envoyPathOf } from '../../generate/envoy/paths';
import { locateNearest, parseConfigPath, locatePath, type LineRange } from '../../generate/locate';
import type { Finding } from '../../validate/finding';
import type { Design } from '../../model/schema';

export type PreviewLanguage = 'json' | 'yaml' | 'markdown' | 'plaintext';

/** Monaco language id by extension; every generated file is one of these three. */
export function languageOf(file: string): PreviewLanguage {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.md')) return 'markdown';
  return 'plaintext';
}

/** MIME type for the download Blob, so the browser and OS treat the file as text of its kind. */
export function mimeOf(file: string): string {
  switch (languageOf(file)) {
    case 'json':
      return 'application/json';
    case 'yaml':
      return 'application/yaml';
    case 'markdown':
      return 'text/markdown';
    default:
      return 'text/plain';
  }
}

/** Only the Envoy bootstrap files are addressed by envoyPathOf; the others embed or omit it. */
export function isEnvoyFile(file: FileName): boolean {
  return file === 'envoy.json' || file === 'envoy.yaml';
}

type ConfigPath = (string | number)[];

/**
 * What the preview needs located in one file's text: the sole selected element's config (in an
 * Envoy file) and every finding that belongs to this file. Built on the main thread from the design;
 * located (locatePreview) in the worker, because locating parses the text (~200 ms at 1,000 rules).
 */
export type PreviewQuery = {
  file: FileName;
  highlight: ConfigPath | null;
  findings: { path: ConfigPath; severity: Finding['severity']; message: string }[];
};

export type LineMarker = { line: number; severity: Finding['severity']; message: string };
export type PreviewLocations = { highlight: LineRange | null; markers: LineMarker[] };

/**
 * The config path to highlight. Edges ("edge:…") have no config of their own, and several selected
 * elements have no single place to reveal.
 */
export function highlightPath(design: Design | null, file: FileName, selection: readonly string[]): ConfigPath | null {
  if (!design || !isEnvoyFile(file) || selection.length !== 1) return null;
  const id = selection[0];
  if (id.startsWith('edge:')) return null;
  return envoyPathOf(design, id);
}

/** The file a finding belongs to: Kubernetes findings name theirs (`pod.yaml: spec…`). */
function findingFile(finding: Finding): { file: FileName | 'envoy'; path: string } {
  const named = /^([\w.]+\.yaml): (.*)$/.exec(finding.path);
  return named ? { file: named[1] as FileName, path: named[2] } : { file: 'envoy', path: finding.path };
}

/** The findings that belong to `file`, with their paths split. */
export function findingQueries(findings: readonly Finding[], file: FileName): PreviewQuery['findings'] {
  const here: PreviewQuery['findings'] = [];
  for (const finding of findings) {
    const target = findingFile(finding);
    if (!target.path || !(target.file === file || (target.file === 'envoy' && isEnvoyFile(file)))) continue;
    here.push({ path: parseConfigPath(target.path), severity: finding.severity, message: finding.message });
  }
  return here;
}

export function previewQuery(design: Design | null, file: FileName, selection: readonly string[], findings: readonly Finding[]): PreviewQuery {
  return { file, highlight: highlightPath(design, file, selection), findings: findingQueries(findings, file) };
}

/** The highlighted lines, and one marker per finding that can be placed on a line of the text. */
export function locatePreview(text: string, query: PreviewQuery): PreviewLocations {
  const markers: LineMarker[] = [];
  for (const finding of query.findings) {
    const range = locateNearest(text, finding.path);
    if (range) markers.push({ line: range.startLine, severity: finding.severity, message: finding.message });
  }
  return { highlight: query.highlight ? locatePath(text, query.highlight) : null, markers };
}

export type TextEdit = { start: number; end: number; text: string };

/** The common prefix and suffix lengths of two texts (the suffix never overlaps the prefix). */
function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  // Whole chunks first (the engine compares substrings natively, ~10× faster than a loop over
  // characters on a 400 KB text), then character by character inside the first differing chunk.
  let prefix = 0;
  while (prefix + CHUNK <= max && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const end = (text: string, from: number) => text.slice(text.length - from - CHUNK, text.length - from);
  while (suffix + CHUNK <= max - prefix && end(before, suffix) === end(after, suffix)) suffix += CHUNK;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

const CHUNK = 1024;

// Beyond this many changed lines, one replacement is cheaper for the editor than many.
const MAX_LINE_EDITS = 500;

/**
 * Small replacements turning `before` into `after`, in order, not overlapping, each relative to
 * `before`. Applying them instead of the whole text keeps the editor's scroll position and folds;
 * and a rename that touches lines far apart (a cluster's name in its route and in its definition)
 * stays a few short edits rather than one replacement of everything in between, which the editor
 * would re-measure and re-tokenise on every keystroke.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const { prefix, suffix } = commonEnds(before, after);
  const whole: TextEdit = { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
  const oldLines = before.slice(prefix, before.length - suffix).split('\n');
  const newLines = whole.text.split('\n');
  // Line by line only when the lines correspond one to one (an edit that adds or removes lines
  // is one replacement).
  if (oldLines.length !== newLines.length || oldLines.length < 3) return [whole];
  const edits: TextEdit[] = [];
  let offset = prefix;
  for (let i = 0; i < oldLines.length; i++) {
    if (oldLines[i] !== newLines[i]) {
      const ends = commonEnds(oldLines[i], newLines[i]);
      const start = offset + ends.prefix;
      edits.push({ start, end: offset + oldLines[i].length - ends.suffix, text: newLines[i].slice(ends.prefix, newLines[i].length - ends.suffix) });
      if (edits.length > MAX_LINE_EDITS) return [whole];
    }
    offset += oldLines[i].length + 1;
  }
  return edits;
}

/** Applies edits from minimalEdits to a string (the reference semantics Monaco's applyEdits must match). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) out = out.slice(0, edits[i].start) + edits[i].text + out.slice(edits[i].end);
  return out;
}

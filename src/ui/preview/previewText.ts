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

// Finds the lines a config path occupies in a generated JSON or YAML text (JSON is YAML 1.2, so
// one parser with source ranges serves both).
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type LineRange = { startLine: number; endLine: number };

type ParsedText = { text: string; document: Document; lines: LineCounter };

// The preview locates the selection and every finding in the same text, once per edit: parse it
// once. Two entries, because the preview asks about envoy.json and envoy.yaml in turn.
const parsed: ParsedText[] = [];

function parsedText(text: string): ParsedText {
  const hit = parsed.find((entry) => entry.text === text);
  if (hit) return hit;
  const lines = new LineCounter();
  const entry = { text, document: parseDocument(text, { keepSourceTokens: false, lineCounter: lines }), lines };
  parsed.unshift(entry);
  parsed.length = Math.min(parsed.length, 2);
  return entry;
}

export function locatePath(text: string, path: readonly (string | number)[]): LineRange | null {
  const { document, lines } = parsedText(text);
  const node = document.getIn(path, true) as Node | undefined;
  if (!node || !node.range) return null;
  const [start, valueEnd] = node.range;
  // valueEnd is one past the last character; a block collection's also includes its last line
  // break, so step back onto the last content character.
  return { startLine: lines.linePos(start).line, endLine: lines.linePos(Math.max(start, valueEnd - 1)).line };
}

/**
 * Splits a config path as findings write it — `static_resources.clusters[2].typed_config<Router>.x`
 * — into keys and indexes. `<Type>` marks where an Any was unpacked; it is not a key of the text.
 */
export function parseConfigPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const token of path.replace(/<[^>]*>/g, '').matchAll(/([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g)) {
    if (token[1] !== undefined) parts.push(token[1]);
    else if (token[2] !== undefined) parts.push(Number(token[2]));
    else parts.push(token[3]);
  }
  return parts;
}

/** The deepest prefix of `path` that exists in the text: a finding about a missing field points at its parent. */
export function locateNearest(text: string, path: readonly (string | number)[]): LineRange | null {
  for (let length = path.length; length > 0; length--) {
    const found = locatePath(text, path.slice(0, length));
    if (found) return found;
  }
  return null;
}

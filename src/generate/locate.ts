// Finds the lines a config path occupies in a generated JSON or YAML text. JSON is read with
// jsonc-parser (VS Code's, ~10× faster than a YAML parser on the same text, which matters at
// thousands of rules); YAML with the yaml package, keeping source ranges.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { LineCounter, parseDocument, type Node } from 'yaml';

export type LineRange = { startLine: number; endLine: number };

/** A parsed text: where a path's value is (start, one past its end), and the line of an offset. */
type ParsedText = { text: string; find(path: readonly (string | number)[]): [number, number] | null; lineOf(offset: number): number };

// The preview locates the selection and every finding in the same text, once per edit: parse it
// once. Two entries, because the preview asks about envoy.json and envoy.yaml in turn.
const parsed: ParsedText[] = [];

function parsedText(text: string): ParsedText {
  const hit = parsed.find((entry) => entry.text === text);
  if (hit) return hit;
  const entry = /^\s*[{[]/.test(text) ? parseJson(text) : parseYaml(text);
  parsed.unshift(entry);
  parsed.length = Math.min(parsed.length, 2);
  return entry;
}

function parseJson(text: string): ParsedText {
  const root = parseTree(text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    text,
    find(path) {
      const node = root && findNodeAtLocation(root, [...path]);
      return node ? [node.offset, node.offset + node.length] : null;
    },
    lineOf(offset) {
      // The last line start at or before offset (binary search), 1-based.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid;
        else high = mid - 1;
      }
      return low + 1;
    },
  };
}

function parseYaml(text: string): ParsedText {
  const lines = new LineCounter();
  const document = parseDocument(text, { keepSourceTokens: false, lineCounter: lines });
  return {
    text,
    find(path) {
      const node = document.getIn(path, true) as Node | undefined;
      return node?.range ? [node.range[0], node.range[1]] : null;
    },
    lineOf: (offset) => lines.linePos(offset).line,
  };
}

export function locatePath(text: string, path: readonly (string | number)[]): LineRange | null {
  const { find, lineOf } = parsedText(text);
  const found = find(path);
  if (!found) return null;
  const [start, end] = found;
  // end is one past the last character; a block collection's also includes its last line break,
  // so step back onto the last content character.
  return { startLine: lineOf(start), endLine: lineOf(Math.max(start, end - 1)) };
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

// Finds the lines a config path occupies in a generated JSON or YAML text (JSON is YAML 1.2, so
// one parser with source ranges serves both).
import { parseDocument, type Node } from 'yaml';

export type LineRange = { startLine: number; endLine: number };

export function locatePath(text: string, path: readonly (string | number)[]): LineRange | null {
  const document = parseDocument(text, { keepSourceTokens: false });
  const node = document.getIn(path, true) as Node | undefined;
  if (!node || !node.range) return null;
  const [start, valueEnd] = node.range;
  const startLine = lineAt(text, start);
  // valueEnd is one past the last character; a block collection's also includes its last line
  // break, so step back onto the last content character.
  const endLine = lineAt(text, Math.max(start, valueEnd - 1));
  return { startLine, endLine };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

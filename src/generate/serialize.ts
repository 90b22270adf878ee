// Text forms of generated objects. Always through a serialiser, never string templates, so any
// name (quotes, colons, "#", newlines, unicode) round-trips exactly.
import { stringify } from 'yaml';

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function toYamlText(value: unknown): string {
  // lineWidth 0: never fold long strings, so the text stays byte-stable and diff-friendly.
  return stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

// JSON text of generated objects and designs: 2-space indented, with a final newline.

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

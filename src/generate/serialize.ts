// YAML text of generated objects (JSON text is in jsonText.ts, apart, so that writing JSON never
// loads the YAML library). Always through a serialiser, never string templates, so any name
// (quotes, colons, "#", newlines, unicode) round-trips exactly.
import { memoisedYaml } from './yamlMemo';

/** The yaml library's text of `value`; parts unchanged since recent calls are not serialised again (yamlMemo.ts). */
export function toYamlText(value: unknown): string {
  return memoisedYaml(value);
}

/**
 * An upper bound on the UTF-8 size of toYamlText(value), found without serialising (YAML costs
 * ~40× JSON.stringify). Block YAML indents like 2-space JSON and drops the quotes JSON puts around
 * keys, so its ASCII is never longer; a character outside printable ASCII takes at most 10 bytes in
 * YAML (an escape like "\U0001D173"). Multi-line strings break the argument (a block literal repeats
 * its indentation on every line): no bound then, Infinity.
 */
export function yamlSizeBound(value: unknown): number {
  const json = JSON.stringify(value, null, 2);
  if (json.includes('\\n')) return Infinity;
  const unusual = json.match(/[^\x20-\x7e\n]/g)?.length ?? 0;
  return json.length + 10 * unusual + 1; // + YAML's final newline
}

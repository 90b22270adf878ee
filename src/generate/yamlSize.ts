// How big envoy.yaml would be, without writing it (validation checks the ConfigMap's size limit).

/**
 * An upper bound on the UTF-8 size of toYamlText(value), found without serialising (at 5,000
 * rules that is ~15 ms, the bound ~5). Block YAML indents like 2-space JSON and drops the quotes
 * JSON puts around keys, so its ASCII is never longer; a character outside printable ASCII takes
 * at most 10 bytes in YAML (an escape like "\U0001D173"). Multi-line strings break the argument
 * (a block literal repeats its indentation on every line): no bound then, Infinity.
 */
export function yamlSizeBound(value: unknown): number {
  const json = JSON.stringify(value, null, 2);
  if (json.includes('\\n')) return Infinity;
  const unusual = json.match(/[^\x20-\x7e\n]/g)?.length ?? 0;
  return json.length + 10 * unusual + 1; // + YAML's final newline
}

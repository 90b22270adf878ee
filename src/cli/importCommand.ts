// `cli import ENVOY.(yaml|json) [--out DESIGN.json]`: an Envoy bootstrap → a design document.
// Prints the design JSON (or writes it to --out) and reports on stderr what was kept verbatim and
// what cannot round-trip; a config that cannot be imported exits 1 with the reason and writes nothing.
import { parseArgs } from 'node:util';
import type { FileRegistry } from '@bufbuild/protobuf';
import { designJson } from '../generate/designJson';
import { importEnvoyConfig, type ImportSummary } from '../import/importEnvoy';
import { loadEnvoyRegistry } from '../validate/envoySchema.node.ts';
import type { CliResult } from './commands';

export interface ImportIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

export const IMPORT_USAGE = [
  '  cli import ENVOY.(yaml|json) [--out DESIGN.json]',
  '                                                 import an Envoy v3 bootstrap as a design: print its',
  '                                                 design.json (or write it to --out); what the model',
  '                                                 cannot express is kept verbatim (listed on stderr)',
].join('\n');

/**
 * `registry`: Envoy's protos, for the full checks (types everywhere, enum spellings, proto-equal
 * round trip). Left out, the compiled protos are loaded from src/validate/generated (if built);
 * `null` imports without them.
 */
export function runImport(args: string[], io: ImportIo, registry?: FileRegistry | null): CliResult {
  let values: { out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } }));
  } catch (error) {
    return usage(`import: ${(error as Error).message}`);
  }
  if (positionals.length !== 1) return usage(positionals.length === 0 ? 'import: give an Envoy config file (YAML or JSON)' : 'import: give one Envoy config file');
  if (values.out === '') return usage('import: --out needs a file name');
  const [path] = positionals;

  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return { code: 1, stdout: '', stderr: `${path}: cannot read: ${(error as Error).message}\n` };
  }
  const notes: string[] = [];
  const protos = registry === undefined ? defaultRegistry(notes) : registry ?? undefined;
  const result = importEnvoyConfig(text, protos, { name: baseName(path) });
  if (!result.ok) return { code: 1, stdout: '', stderr: result.errors.map((e) => `${path}: ${e}\n`).join('') };

  const json = designJson(result.design);
  const report = [...notes, ...summaryLines(result.summary)].map((line) => `${line}\n`).join('');
  if (values.out === undefined) return { code: 0, stdout: json, stderr: report };
  try {
    io.writeFile(values.out, json);
  } catch (error) {
    return { code: 1, stdout: '', stderr: `${values.out}: cannot write: ${(error as Error).message}\n` };
  }
  return { code: 0, stdout: `wrote ${values.out}\n`, stderr: report };
}

function usage(message: string): CliResult {
  return { code: 2, stdout: '', stderr: `${message}\nUsage:\n${IMPORT_USAGE}\n` };
}

function defaultRegistry(notes: string[]): FileRegistry | undefined {
  try {
    return loadEnvoyRegistry();
  } catch (error) {
    notes.push(`note: imported without Envoy's protos (${(error as Error).message})`);
    return undefined;
  }
}

/** `configs/envoy-demo.yaml` → `envoy-demo`. */
function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.(ya?ml|json)$/i, '') || file;
}

export function summaryLines(summary: ImportSummary): string[] {
  const section = (title: string, items: string[]) => (items.length > 0 ? [title, ...items.map((item) => `  ${item}`)] : []);
  return [
    ...section('imported:', summary.nodes),
    ...section('kept verbatim (emitted again as written):', summary.kept),
    ...section('cannot round-trip:', summary.unsupported),
    ...section('notes:', summary.notes),
  ];
}

// `cli validate FILE`: validates a design.json or an Envoy bootstrap (JSON or YAML) and prints the
// findings as JSON, so a user's CI can gate on it before `envoy --mode validate` is even at hand.
//
// Output: {"ok": bool, "input": "design" | "envoy-config", "errors": [...], "warnings": [...],
// "notChecked": [...]} where each entry is a Finding ({severity, rule, message, path, elementId}).
// Infos ("not checked: <type> is not among the bundled protos") go to "notChecked", apart from
// warnings, so a script can tell "probably wrong" from "we could not look".
// Exit code: 0 without errors, 1 with errors, 2 when the input cannot be read or parsed.
import type { FileRegistry } from '@bufbuild/protobuf';
import { parse as parseYaml } from 'yaml';
import { loadDesign, loadDesignText } from '../model/load.ts';
import { validateDesign, validateEnvoyConfig, type Finding } from '../validate/index.ts';
import type { CliResult } from './commands.ts';

export const VALIDATE_USAGE = [
  'Usage:',
  '  cli validate FILE                              check a design.json, or an Envoy bootstrap in',
  '                                                 JSON or YAML; prints {ok, errors, warnings,',
  '                                                 notChecked} as JSON; exit 0 ok, 1 errors, 2 bad input',
].join('\n');

const usageError = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n${VALIDATE_USAGE}\n` });
const inputError = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n` });

type Parsed = { ok: true; value: unknown; isJson: boolean } | { ok: false; error: string };

/** JSON first (exact errors for .json files), YAML otherwise: Envoy reads both. */
function parseText(path: string, text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text), isJson: true };
  } catch (jsonError) {
    if (/\.json$/i.test(path)) return { ok: false, error: `not valid JSON: ${(jsonError as Error).message}` };
  }
  try {
    return { ok: true, value: parseYaml(text), isJson: false };
  } catch (yamlError) {
    return { ok: false, error: `not valid JSON or YAML: ${(yamlError as Error).message.split('\n')[0]}` };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A design.json says which design version it is and lists listeners; an Envoy bootstrap does neither. */
const looksLikeDesign = (value: Record<string, unknown>) => 'version' in value && 'listeners' in value;

function report(input: 'design' | 'envoy-config', findings: Finding[]): CliResult {
  const errors = findings.filter((f) => f.severity === 'error');
  const body = {
    ok: errors.length === 0,
    input,
    errors,
    warnings: findings.filter((f) => f.severity === 'warning'),
    notChecked: findings.filter((f) => f.severity === 'info'),
  };
  return { code: errors.length === 0 ? 0 : 1, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: '' };
}

export function runValidate(args: string[], io: { readFile(path: string): string }, registry: FileRegistry): CliResult {
  if (args.includes('--help') || args.includes('-h')) return { code: 0, stdout: `${VALIDATE_USAGE}\n`, stderr: '' };
  const options = args.filter((a) => a.startsWith('-'));
  if (options.length > 0) return usageError(`validate: unknown option ${options[0]}`);
  if (args.length !== 1) return usageError('validate: give exactly one FILE');
  const [path] = args;

  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return inputError(`${path}: cannot read: ${(error as Error).message}`);
  }
  const parsed = parseText(path, text);
  if (!parsed.ok) return inputError(`${path}: ${parsed.error}`);
  if (!isObject(parsed.value)) return inputError(`${path}: neither a design.json nor an Envoy bootstrap (expected an object)`);

  if (looksLikeDesign(parsed.value)) {
    const loaded = parsed.isJson ? loadDesignText(text) : loadDesign(parsed.value);
    if (!loaded.ok) return inputError(loaded.errors.map((e) => `${path}: ${e}`).join('\n'));
    return report('design', validateDesign(loaded.design, registry));
  }
  return report('envoy-config', validateEnvoyConfig(parsed.value, registry));
}

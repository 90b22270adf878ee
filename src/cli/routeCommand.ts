// `cli route FILE --authority HOST --path PATH …`: which virtual host, rule and cluster Envoy picks
// for a request, with the trace of every rule it looked at. FILE is a design.json or an Envoy
// bootstrap (JSON or YAML, loaded through the importer). Prints JSON; exit 0 whenever a result is
// computed (a 404 included), 2 on bad input or usage.
import { parseArgs } from 'node:util';
import type { FileRegistry } from '@bufbuild/protobuf';
import { importEnvoyConfig } from '../import/index';
import { loadDesignText } from '../model/load';
import type { Design } from '../model/schema';
import { matchRequest, parseCurl, type MatchResult, type TestRequest } from '../routing/index';
import { loadEnvoyRegistry } from '../validate/envoySchema.node.ts';
import type { CliResult } from './commands';

export const ROUTE_USAGE = [
  '  cli route FILE --authority HOST --path PATH [--method M] [--header name=value]...',
  '            [--scheme http|https] [--random N] [--listener NAME] [--ignore-port]',
  '  cli route FILE --curl \'curl …\' [--header name=value]... [--random N] [--listener NAME]',
  '                                                 FILE: a design.json or an Envoy config (JSON/YAML).',
  '                                                 prints the virtual host, rule and cluster Envoy picks,',
  '                                                 with the trace of each rule; exit 0 with a result',
  '                                                 (a 404 too), 2 on bad input',
].join('\n');

const UINT64_MAX = 2n ** 64n - 1n;

type Values = {
  authority?: string;
  path?: string;
  method?: string;
  header?: string[];
  scheme?: string;
  random?: string;
  listener?: string;
  curl?: string;
  'ignore-port'?: boolean;
  help?: boolean;
};

const usage = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\nUsage:\n${ROUTE_USAGE}\n` });
const inputError = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n` });

/**
 * `registry`: Envoy's protos, used when FILE is an Envoy config (as `cli import` does). Left out,
 * the compiled protos are loaded if built; `null` imports without them.
 */
export function runRoute(args: string[], io: { readFile(path: string): string }, registry?: FileRegistry | null): CliResult {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        authority: { type: 'string' },
        path: { type: 'string' },
        method: { type: 'string' },
        header: { type: 'string', multiple: true },
        scheme: { type: 'string' },
        random: { type: 'string' },
        listener: { type: 'string' },
        curl: { type: 'string' },
        'ignore-port': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(`route: ${(error as Error).message}`);
  }
  if (values.help) return { code: 0, stdout: `Usage:\n${ROUTE_USAGE}\n`, stderr: '' };
  if (positionals.length !== 1) return usage(positionals.length === 0 ? 'route: give a design.json or an Envoy config' : 'route: give one FILE');

  const request = requestFrom(values);
  if ('error' in request) return usage(`route: ${request.error}`);
  let random: bigint | undefined;
  if (values.random !== undefined) {
    if (!/^\d{1,20}$/.test(values.random) || BigInt(values.random) > UINT64_MAX) return usage('route: --random must be a whole number from 0 to 18446744073709551615');
    random = BigInt(values.random);
  }

  const [path] = positionals;
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    return inputError(`${path}: cannot read: ${(error as Error).message}`);
  }
  const loaded = loadInput(path, text, registry);
  if ('error' in loaded) return inputError(loaded.error);
  const { design } = loaded;
  if (values.listener !== undefined && !design.listeners.some((l) => l.id === values.listener || l.name === values.listener)) {
    return inputError(`route: no listener named ${JSON.stringify(values.listener)}; ${path} has ${design.listeners.map((l) => l.name).join(', ') || 'none'}`);
  }

  const result = matchRequest(design, request.request, { random, listener: values.listener, ...(values['ignore-port'] && { ignorePortInHostMatching: true }) });
  const body = report(loaded.input, result, request.notes);
  return { code: 0, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: '' };
}

function requestFrom(values: Values): { request: TestRequest; notes: string[] } | { error: string } {
  const headers: [string, string][] = [];
  for (const item of values.header ?? []) {
    const parsed = headerArg(item);
    if (!parsed) return { error: `--header ${JSON.stringify(item)}: expected name=value (or "Name: value")` };
    headers.push(parsed);
  }
  if (values.scheme !== undefined && values.scheme !== 'http' && values.scheme !== 'https') return { error: '--scheme must be http or https' };
  if (values.curl !== undefined) {
    const clash = (['authority', 'path', 'method', 'scheme'] as const).filter((k) => values[k] !== undefined);
    if (clash.length > 0) return { error: `--curl already gives the request; leave out ${clash.map((k) => `--${k}`).join(', ')}` };
    const parsed = parseCurl(values.curl);
    if (!parsed.ok) return { error: `--curl: ${parsed.error}` };
    const { request } = parsed;
    return { request: { ...request, headers: [...(request.headers ?? []), ...headers] }, notes: parsed.notes };
  }
  if (values.authority === undefined || values.path === undefined) return { error: 'give --authority HOST and --path PATH (or --curl)' };
  if (values.path === '') return { error: '--path must not be empty (use /)' };
  return {
    request: {
      authority: values.authority,
      path: values.path,
      ...(values.method !== undefined && { method: values.method }),
      headers,
      ...(values.scheme !== undefined && { scheme: values.scheme as 'http' | 'https' }),
    },
    notes: [],
  };
}

/** `name=value`, or `Name: value`; a pseudo-header keeps its leading ":" (`:method=POST`). */
export function headerArg(item: string): [string, string] | null {
  const lead = item.startsWith(':') ? 1 : 0;
  const eq = item.indexOf('=', lead);
  const colon = item.indexOf(':', lead);
  const at = eq > lead && (colon < 0 || eq < colon) ? eq : colon > lead ? colon : -1;
  if (at < 0) return null;
  const name = item.slice(0, at).trim();
  return name.length > lead ? [name, item.slice(at + 1).trim()] : null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type Loaded = { design: Design; input: 'design' | 'envoy-config' } | { error: string };

function loadInput(path: string, text: string, registry: FileRegistry | null | undefined): Loaded {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (isObject(json) && 'version' in json && 'listeners' in json) {
    const loaded = loadDesignText(text);
    return loaded.ok ? { design: loaded.design, input: 'design' } : { error: loaded.errors.map((e) => `${path}: ${e}`).join('\n') };
  }
  const protos = registry === undefined ? defaultRegistry() : registry ?? undefined;
  const imported = importEnvoyConfig(text, protos, { name: path.split(/[\\/]/).pop() });
  if (!imported.ok) return { error: imported.errors.map((e) => `${path}: ${e}`).join('\n') };
  return { design: imported.design, input: 'envoy-config' };
}

function defaultRegistry(): FileRegistry | undefined {
  try {
    return loadEnvoyRegistry();
  } catch {
    return undefined;
  }
}

/** The printed result: the brief's fields first, then what the UI shows beside them. */
export function report(input: 'design' | 'envoy-config', result: MatchResult, requestNotes: string[] = []) {
  const { outcome } = result;
  return {
    input,
    listener: result.listener,
    virtualHost: result.virtualHost,
    domain: result.domainMatch,
    route: result.route,
    status: outcome.kind === 'no-route' || outcome.kind === 'redirect' || outcome.kind === 'direct' ? outcome.status : null,
    cluster: outcome.kind === 'cluster' ? outcome.cluster : outcome.kind === 'weighted' ? outcome.chosen?.cluster ?? null : null,
    weightedClusters: outcome.kind === 'weighted' ? outcome.clusters.map(({ cluster, weight, share }) => ({ cluster, weight, share })) : null,
    redirect: outcome.kind === 'redirect' ? { location: outcome.location, status: outcome.status } : null,
    directResponse: outcome.kind === 'direct' ? { status: outcome.status, body: outcome.body, ...(outcome.location && { location: outcome.location }) } : null,
    noRoute: outcome.kind === 'no-route' ? outcome.reason : null,
    unsupported: outcome.kind === 'unsupported' ? outcome.reason : null,
    trace: result.trace.map((v) => ({ rule: v.name, ruleId: v.ruleId, matched: v.matched, reasons: v.reasons })),
    notes: [...requestNotes, ...result.notes],
  };
}

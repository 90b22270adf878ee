// What one import collects while it maps a config: errors (the import fails), the summary, and
// typed readers that name the place of a value of the wrong type.
import type { KeptDiff } from './diff';
import { formatPath, type ConfigPath } from './parseText';

export type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

export type ImportSummary = {
  /** What became design elements: listeners, routes (virtual hosts) with their rules, clusters. */
  nodes: string[];
  /** Config paths kept verbatim (emitted again as they are), with why when it is not obvious. */
  kept: string[];
  /** What cannot round-trip exactly, with the reason; empty for almost every config. */
  unsupported: string[];
  /** Worth knowing, but neither kept nor lost (defaults chosen for the Kubernetes files …). */
  notes: string[];
};

/** A JSON value in a few words, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const DERIVED = new Set(['name', 'stat_prefix', 'cluster_name', 'http_filters', 'upgrade_configs']);

export class ImportContext {
  readonly errors: string[] = [];
  summary: ImportSummary = { nodes: [], kept: [], unsupported: [], notes: [] };

  constructor(readonly where: (path: ConfigPath) => string) {}

  typeError(path: ConfigPath, expected: string, value: unknown): void {
    if (this.errors.length < 50) this.errors.push(`${this.where(path)}: must be ${expected}, got ${describeValue(value)}`);
  }

  /** Records every path a kept diff keeps, below `base`. */
  keep(base: ConfigPath, diff: KeptDiff): void {
    const replaced = new Set(diff.replaced.map((p) => formatPath(p)));
    for (const path of diff.kept) {
      let note = '';
      if (replaced.has(formatPath(path))) {
        // Names, stat prefixes and the filter list are derived by the generator, not model fields.
        note = DERIVED.has(String(path[path.length - 1]))
          ? ' (as written, instead of what the generator derives)'
          : ' (as written, instead of the model’s value, until that is edited)';
      }
      this.summary.kept.push(`${formatPath([...base, ...path])}${note}`);
    }
  }

  // ---- Typed readers: undefined when absent (or null, which protobuf JSON reads as absent) ----

  object(value: unknown, path: ConfigPath): Obj | undefined {
    if (value === undefined || value === null) return undefined;
    if (isObj(value)) return value;
    this.typeError(path, 'an object', value);
    return undefined;
  }

  list(value: unknown, path: ConfigPath): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value;
    this.typeError(path, 'a list', value);
    return undefined;
  }

  string(value: unknown, path: ConfigPath): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.typeError(path, 'a string', value);
    return undefined;
  }

  /** protobuf JSON numbers: a number, or a string holding one. */
  number(value: unknown, path: ConfigPath): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim())) return Number(value);
    this.typeError(path, 'a number', value);
    return undefined;
  }

  boolean(value: unknown, path: ConfigPath): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    this.typeError(path, 'true or false', value);
    return undefined;
  }

  /** An enum by name (any case, normalised to upper case) or by number; undefined when absent. */
  enumName(value: unknown, names: readonly string[], path: ConfigPath): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.toUpperCase();
    if (typeof value === 'number' && Number.isInteger(value)) return names[value] ?? String(value);
    this.typeError(path, `one of ${names.filter(Boolean).join(', ')}`, value);
    return undefined;
  }
}

/** Enum values by number, as Envoy's protos declare them (gaps are reserved numbers). */
export const ENUMS = {
  discoveryType: ['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST'],
  lbPolicy: ['ROUND_ROBIN', 'LEAST_REQUEST', 'RING_HASH', 'RANDOM', '', 'MAGLEV', 'CLUSTER_PROVIDED', 'LOAD_BALANCING_POLICY_CONFIG'],
  codecType: ['AUTO', 'HTTP1', 'HTTP2', 'HTTP3'],
  redirectCode: ['MOVED_PERMANENTLY', 'FOUND', 'SEE_OTHER', 'TEMPORARY_REDIRECT', 'PERMANENT_REDIRECT'],
  appendAction: ['APPEND_IF_EXISTS_OR_ADD', 'ADD_IF_ABSENT', 'OVERWRITE_IF_EXISTS_OR_ADD', 'OVERWRITE_IF_EXISTS'],
  socketProtocol: ['TCP', 'UDP'],
} as const;

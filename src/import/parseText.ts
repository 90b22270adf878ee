// Envoy config text (YAML or JSON: JSON is YAML) → a plain JSON value, and a way back from a
// config path to the line and column it came from. Capped before parsing; never throws.
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { MAX_CONFIG_CHARS } from './limits';

export type ConfigPath = (string | number)[];


/** How many YAML aliases one document may expand (a "billion laughs" file is refused). */
const MAX_ALIAS_COUNT = 1000;

export type ParsedText =
  | { ok: true; value: unknown; where: (path: ConfigPath) => string; notes: string[] }
  | { ok: false; errors: string[] };

/** `static_resources.listeners[0].name`: a config path as Envoy's docs and our messages write it. */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_@][A-Za-z0-9_@]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(document)';
}

export function parseConfigText(text: unknown): ParsedText {
  if (typeof text !== 'string') return { ok: false, errors: ['the config must be text (YAML or JSON)'] };
  if (text.length > MAX_CONFIG_CHARS) {
    const mib = (text.length / (1024 * 1024)).toFixed(1);
    return { ok: false, errors: [`the config is too large to import: ${mib} MiB, the limit is ${MAX_CONFIG_CHARS / (1024 * 1024)} MiB`] };
  }
  if (text.trim() === '') return { ok: false, errors: ['the config is empty: expected an Envoy bootstrap in YAML or JSON'] };
  // Integers of 16 digits or more may be beyond what a JS number holds exactly (2^53): the YAML
  // parser reads those as BigInt, and they are kept as strings (protobuf JSON's 64-bit form).
  const bigIntegers = /\d{16,}/.test(text);
  // JSON is YAML, but JSON.parse is ~10× faster; the YAML parser then only runs to locate a message.
  if (!bigIntegers && /^\s*\{/.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      let located: ParsedText | undefined;
      const where = (path: ConfigPath) => {
        located ??= parseYaml(text, false);
        return located.ok ? located.where(path) : formatPath(path);
      };
      return refuseNonFinite({ ok: true, value, where, notes: [] });
    } catch {
      // Not strict JSON (comments, trailing commas …): YAML may still read it, or say where it fails.
    }
  }
  return refuseNonFinite(parseYaml(text, bigIntegers));
}

/**
 * YAML's `.inf`, `.nan` and numbers like 1e400 read as numbers JSON cannot hold (JSON.stringify
 * writes them as null): refused with where they are, before they reach a design.
 */
function refuseNonFinite(parsed: ParsedText): ParsedText {
  if (!parsed.ok) return parsed;
  const found = nonFinite(parsed.value, []);
  if (!found) return parsed;
  return { ok: false, errors: [`${parsed.where(found.path)}: ${found.value} is not a JSON number: Envoy's config cannot hold it`] };
}

function nonFinite(value: unknown, path: ConfigPath): { path: ConfigPath; value: number } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, value };
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFinite(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}

function parseYaml(text: string, bigIntegers: boolean): ParsedText {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false, intAsBigInt: bigIntegers });
  } catch (error) {
    return { ok: false, errors: [`not YAML or JSON: ${(error as Error).message}`] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, 5).map((e) => {
        const at = e.linePos?.[0] ?? (e.pos ? lineCounter.linePos(e.pos[0]) : undefined);
        return `not YAML or JSON${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${firstLine(e.message)}`;
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, errors: [`the YAML cannot be read: ${(error as Error).message}`] };
  }
  const where = (path: ConfigPath): string => {
    const text = formatPath(path);
    for (let length = path.length; length >= 0; length--) {
      let node: unknown;
      try {
        node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
      } catch {
        node = undefined;
      }
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return `${text} (line ${line}, column ${col})`;
      }
    }
    return text;
  };
  const notes: string[] = [];
  if (bigIntegers) value = withoutBigInts(value, [], notes);
  return { ok: true, value, where, notes };
}

/** BigInts as numbers when exact, else as decimal strings (each noted). */
function withoutBigInts(value: unknown, path: ConfigPath, notes: string[]): unknown {
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
    notes.push(`${formatPath(path)}: ${value} is beyond what a JavaScript number holds exactly; kept as the string "${value}" (how protobuf JSON writes 64-bit integers)`);
    return String(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => withoutBigInts(item, [...path, i], notes));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) Object.defineProperty(out, key, { value: withoutBigInts(inner, [...path, key], notes), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

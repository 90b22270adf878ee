// Block YAML of JSON data: byte for byte the text the yaml library writes with YAML_OPTIONS, at a
// small fraction of its cost (issue #8: the library takes ~40 ms for a 1,000-rule envoy.yaml, ~90×
// JSON.stringify; this writes it in a few ms, and an edit's text in well under one).
//
// Only the layout is written here: block maps and sequences, two spaces a level, which is all the
// library does with plain objects and arrays under these options. Every scalar whose text is not
// obviously plain is the library's own text for it, asked once and remembered. Anything this
// does not cover exactly (a string that needs a multi-line quoted form, an odd number, a key
// needing `? `, a value that is not JSON data) makes the whole document go to the library
// instead, so the output never depends on which path wrote it. yamlText.test.ts checks the two
// paths against each other on the goldens, the corpus and random values.
import { stringify, type CreateNodeOptions, type ToStringOptions } from 'yaml';

// lineWidth 0: never fold long strings, so the text stays byte-stable and diff-friendly.
// directives false: there never are any. aliasDuplicateObjects false: a value used twice is written
// twice, as JSON would (no anchors).
export const YAML_OPTIONS: CreateNodeOptions & ToStringOptions = { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0, directives: false };

/** The yaml library's text of `value` under YAML_OPTIONS. */
export function toYamlText(value: unknown): string {
  return layoutText(value) ?? stringify(value, YAML_OPTIONS);
}

/** Thrown inside the writer when the value has something only the library writes exactly. */
const UNUSUAL = Symbol('unusual');

/** The text, or null where the library must write the document (see UNUSUAL). */
export function layoutText(value: unknown): string | null {
  if (!isCollection(value)) return null;
  if (isEmpty(value)) return `${Array.isArray(value) ? '[]' : '{}'}\n`;
  let text: string;
  try {
    text = collectionText(value, 0, false);
  } catch (error) {
    if (error === UNUSUAL) return null;
    throw error;
  }
  if (Object.isFrozen(value) && WRITTEN[0]?.value !== value) {
    WRITTEN.unshift({ text, value });
    WRITTEN.length = Math.min(WRITTEN.length, MAX_WRITTEN);
    shortestWritten = Math.min(...WRITTEN.map((written) => written.text.length));
  }
  return text;
}

/**
 * Texts written here of frozen values, the last few: a ConfigMap holds envoy.yaml as a string, and
 * that string as a block literal is the same value's text indented further, which the remembered
 * texts of its parts give at once (indenting 400 KB of text line by line costs ~4 ms).
 */
const WRITTEN: Array<{ text: string; value: Collection }> = [];
const MAX_WRITTEN = 4;
let shortestWritten = Infinity;
/**
 * The value whose text this is, if this module wrote it lately. Compared with ===, not looked up
 * by hash: the same string object compares at once (hashing 400 KB costs ~1 ms), and most strings
 * are shorter than any written text.
 */
const writtenValueOf = (text: string) => (text.length < shortestWritten ? undefined : WRITTEN.find((written) => written.text === text)?.value);

type Collection = Record<string, unknown> | unknown[];

/** Arrays and plain objects (anything else, a Date or a null-prototype object, goes to the library). */
const isCollection = (value: unknown): value is Collection =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

function isEmpty(value: Collection): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if (value[key] !== undefined) return false;
  return true;
}

/**
 * Texts of frozen collections by indentation (negative: as a sequence item). A frozen object
 * cannot change, so its text at one place is written once: generation (envoy/remembered.ts) hands
 * out the same deep-frozen object for an element that did not change, and an edit then writes
 * only what it changed. A frozen object is taken to be frozen all the way down, as deepFreeze
 * leaves it (a frozen object holding an object that changes would keep its old text).
 */
let FROZEN_TEXTS = new WeakMap<object, Map<number, string>>();

/**
 * A non-empty collection, every line indented by `indent` spaces and ended by a line break; as a
 * sequence item, its first line after the item's dash ("- name: x", then "  port: 80" below it).
 */
function collectionText(value: Collection, indent: number, asItem: boolean): string {
  if (!Object.isFrozen(value)) return freshText(value, indent, asItem);
  const place = asItem ? -1 - indent : indent;
  let texts = FROZEN_TEXTS.get(value);
  let text = texts?.get(place);
  if (text === undefined) {
    text = freshText(value, indent, asItem);
    if (!texts) FROZEN_TEXTS.set(value, (texts = new Map()));
    texts.set(place, text);
  }
  return text;
}

function freshText(value: Collection, indent: number, asItem: boolean): string {
  const pad = spaces(indent);
  // Sliced off a finished text instead, the first line would copy the whole text (a listener's is
  // most of envoy.yaml).
  const firstPad = asItem ? `${spaces(indent - 2)}- ` : pad;
  return Array.isArray(value) ? sequenceText(value, indent, pad, firstPad) : mapText(value, indent, pad, firstPad);
}

function mapText(value: Record<string, unknown>, indent: number, pad: string, firstPad: string): string {
  let text = '';
  for (const key in value) {
    const item = value[key];
    if (item === undefined) continue; // as the library (and JSON) do: no pair at all
    text += `${text === '' ? firstPad : pad}${keyText(key)}:${valueText(item, indent + 2)}`;
  }
  return text;
}

function sequenceText(value: unknown[], indent: number, pad: string, firstPad: string): string {
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (item === undefined || !(i in value)) throw UNUSUAL;
    const linePad = i === 0 ? firstPad : pad;
    if (!isCollection(item) || isEmpty(item)) text += `${linePad}-${valueText(item, indent + 2)}`;
    else if (linePad === pad) text += collectionText(item, indent + 2, true);
    // A sequence's first item in a sequence item: "- - a" (rare, so a copy is fine).
    else text += linePad + collectionText(item, indent + 2, true).slice(indent);
  }
  return text;
}

/**
 * What follows "key:" or "-" up to and including the line break: " scalar\n", " []\n", or a
 * nested collection on the lines below (a map's sequence is indented under its key, as the
 * library does by default).
 */
function valueText(value: unknown, indent: number): string {
  if (isCollection(value)) {
    if (isEmpty(value)) return Array.isArray(value) ? ' []\n' : ' {}\n';
    return `\n${collectionText(value, indent, false)}`;
  }
  if (typeof value === 'string') {
    // Before includes(): reading a text built by concatenation makes V8 copy it into one piece.
    const written = writtenValueOf(value);
    if (written) return ` |\n${collectionText(written, indent, false)}`;
    if (value.includes('\n')) return ` ${blockLiteral(value, indent)}`;
  }
  return ` ${scalarText(value)}\n`;
}

function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return stringText(value);
    case 'number':
      if (!Number.isFinite(value)) throw UNUSUAL;
      return Object.is(value, -0) ? '-0' : JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value === null) return 'null';
      throw UNUSUAL; // bigint, symbol, function, a class instance: the library's business
  }
}

// A string the library writes as it is, in a key or a value: it starts with a letter, "_" or "/",
// holds nothing YAML gives a meaning to, and is not one of the core schema's words.
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./+=-]*$/;
const CORE_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const isPlain = (text: string) => PLAIN.test(text) && !CORE_WORDS.has(text);

/** The library's texts of single-line strings that are not plain, as values and as keys. */
const VALUE_TEXTS = new Map<string, string>();
const KEY_TEXTS = new Map<string, string>();
/** Past this many, the oldest is let go (a design has a few thousand distinct strings). */
const MAX_REMEMBERED_STRINGS = 20_000;

function stringText(value: string): string {
  if (isPlain(value)) return value;
  return remembered(VALUE_TEXTS, value, () => {
    // The string as a map's value, as in every use here; "k: " and the line break taken off.
    const text = stringify({ k: value }, YAML_OPTIONS);
    if (!text.startsWith('k: ') || text.indexOf('\n') !== text.length - 1) throw UNUSUAL;
    return text.slice(3, -1);
  });
}

/** Past this length the library writes a key as an explicit "? " key. */
const MAX_IMPLICIT_KEY = 1024;

function keyText(key: string): string {
  if (key.length > MAX_IMPLICIT_KEY) throw UNUSUAL;
  if (isPlain(key)) return key;
  // The library quotes such a key at some depths and not at others.
  if (/^(%|---|\.\.\.)/m.test(key)) throw UNUSUAL;
  return remembered(KEY_TEXTS, key, () => {
    const text = stringify({ [key]: 0 }, YAML_OPTIONS);
    if (!text.endsWith(': 0\n') || text.indexOf('\n') !== text.length - 1 || text.length - 4 > MAX_IMPLICIT_KEY) throw UNUSUAL;
    return text.slice(0, -4);
  });
}

function remembered(texts: Map<string, string>, value: string, make: () => string): string {
  let text = texts.get(value);
  if (text === undefined) {
    if (texts.size >= MAX_REMEMBERED_STRINGS) texts.delete(texts.keys().next().value!);
    texts.set(value, (text = make()));
  }
  return text;
}

// Characters the library writes only in double quotes (escaped), never in a block.
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\uD800-\uDFFF]/;

/**
 * A multi-line string as the library writes it, with its final line break: a literal block (`|`
 * or `|-`), each line indented under its key, empty lines left empty. Only where that is all the
 * library does: no escapes, no leading space or line break (those take an indentation indicator),
 * and at most one final line break with no blanks before it (those take `|+` and more). A text
 * this module wrote (see WRITTEN) is its value written at this indentation instead: the same lines.
 */
function blockLiteral(value: string, indent: number): string {
  if (NEEDS_ESCAPES.test(value) || /^[ \n]/.test(value)) throw UNUSUAL;
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  if (/[\n\t ]$/.test(body) || body.length === 0) throw UNUSUAL;
  return `|${body === value ? '-' : ''}\n${indentLines(body, spaces(indent))}\n`;
}

/** Every line indented, except empty lines (the library writes no trailing spaces there). */
function indentLines(text: string, pad: string): string {
  return pad + text.replace(/\n+/g, `$&${pad}`);
}

const SPACES: string[] = [];
function spaces(count: number): string {
  return (SPACES[count] ??= ' '.repeat(count));
}

/** For benchmarks: write every text again from here on. */
export function forgetWrittenTexts(): void {
  FROZEN_TEXTS = new WeakMap();
  VALUE_TEXTS.clear();
  KEY_TEXTS.clear();
  WRITTEN.length = 0;
  shortestWritten = Infinity;
}

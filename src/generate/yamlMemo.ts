// The YAML library's text of one value, with the text of unchanged parts reused from earlier calls.
// A keystroke at 1,000 rules changes one cluster and the few routes naming it; serialising all of
// envoy.yaml again costs ~45 ms, most of it re-serialising the 99 % that did not change. Every
// byte still comes from the library: an object inside an array (a listener's filter, a virtual
// host, a route, a cluster, an endpoint) becomes a node that remembers the text the library gave it,
// per formatting context, and the library asks that node for its text as for any other. The
// outermost such texts reach the document as short markers and are put in once, at the end
// (MemoMap.placed says why).
import { Document, YAMLMap, type CreateNodeOptions, type ToStringOptions } from 'yaml';

type Context = Record<string, unknown>;
type Callback = (() => void) | undefined;
type Entry = { node: MemoMap; texts: Map<string, string>; usedAt: number };

/**
 * Smaller objects cost less to serialise again than to look up. A route (~100 characters) is
 * remembered: a renamed cluster changes the few routes naming it, and the other routes of their
 * virtual hosts then come from memory (at 1,000 rules, 14 → 10 ms an edit).
 */
const MIN_MEMO_CHARS = 50;
/** Larger ones (a whole listener) change on nearly every edit: remembering them only costs memory. */
const MAX_MEMO_CHARS = 64 * 1024;
/** Objects of more values than this are taken to be past MAX_MEMO_CHARS without writing their JSON. */
const MAX_MEMO_VALUES = 4096;
/** Entries not used by one of the last this-many calls are let go. */
const KEEP_CALLS = 16;

const entries = new Map<string, Entry>();
let calls = 0;
let reused = 0;

// The context fields that are the same in every call (the document, its options, the anchors it
// has seen); any other field is part of a text's key, and an object there makes a text uncacheable.
const SAME_IN_EVERY_CALL = new Set(['doc', 'options', 'anchors', 'resolvedAliases']);

function contextKey(ctx: Context): string | null {
  let key = '';
  for (const name of Object.keys(ctx).sort()) {
    if (SAME_IN_EVERY_CALL.has(name)) continue;
    const value = ctx[name];
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') return null;
    key += `${name}=${String(value)};`;
  }
  return key;
}

class MemoMap extends YAMLMap {
  declare entry: Entry;

  override toString(ctx?: Context, onComment?: Callback, onChompKeep?: Callback): string {
    const key = ctx ? contextKey(ctx) : null;
    if (key === null) return super.toString(ctx as never, onComment, onChompKeep);
    let text = this.entry.texts.get(key);
    if (text !== undefined) reused += 1;
    else {
      // A text that told its parent something (a trailing comment, a kept final line break) is not
      // kept: a reused text could not tell it again.
      let signalled = false;
      const signal = (callback: Callback) => callback && (() => ((signalled = true), callback()));
      depth += 1;
      try {
        text = super.toString(ctx as never, signal(onComment), signal(onChompKeep));
      } finally {
        depth -= 1;
      }
      if (signalled) return text;
      this.entry.texts.set(key, text);
    }
    return this.placed(text, ctx!);
  }

  /**
   * The text, or a marker in its place for the end of the call. The library inspects a block
   * collection's text after it is built (its first character, a line break in it), which makes
   * V8 copy the whole growing text once per level of nesting: ~7 copies of envoy.yaml at 1,000
   * rules. Markers keep those texts short, and the parts are put in once, at the end. Only for an
   * outermost part in a block sequence without comments: there the library never reads an item's text.
   */
  private placed(text: string, ctx: Context): string {
    if (!parts || depth > 0 || ctx.inFlow || this.comment || this.commentBefore) return text;
    parts.push(text);
    return `${MARKER}${parts.length - 1}${MARKER}`;
  }
}

// The library escapes U+0000 in every scalar it writes, so the only ones in its text are the
// markers; should that ever not hold, the count of pieces shows it and the text is made again
// without markers.
const MARKER = '\u0000';
/** Texts in place of markers in the running call (null: no markers). */
let parts: string[] | null = null;
/** How many remembered parts are being serialised around the current one. */
let depth = 0;

function withPartsPlaced(text: string, placed: string[]): string | null {
  const pieces = text.split(MARKER);
  if (pieces.length !== placed.length * 2 + 1) return null;
  for (let i = 0; i < placed.length; i++) {
    if (pieces[i * 2 + 1] !== String(i)) return null;
    pieces[i * 2 + 1] = placed[i];
  }
  return pieces.join('');
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** `value` with its memoisable objects replaced by their (remembered or new) nodes. */
function withMemoNodes(value: unknown, doc: Document, options: CreateNodeOptions, inArray: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => withMemoNodes(item, doc, options, true));
  if (!isPlainObject(value)) return value;
  if (inArray && valuesWithin(value, MAX_MEMO_VALUES)) {
    const json = JSON.stringify(value);
    if (json.length >= MIN_MEMO_CHARS && json.length <= MAX_MEMO_CHARS) return memoNode(json, value, doc, options);
  }
  return mapValues(value, (child) => withMemoNodes(child, doc, options, false));
}

/**
 * Whether `value` holds at most `budget` values, counting no further. A whole listener is too big
 * to remember: this tells so without writing its JSON (~0.4 ms at 1,000 rules, for it and for its
 * filter chain and filter).
 */
function valuesWithin(value: unknown, budget: number): boolean {
  return valuesLeft(value, budget) >= 0;
}

function valuesLeft(value: unknown, budget: number): number {
  let left = budget - 1;
  if (left < 0 || typeof value !== 'object' || value === null) return left;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) if ((left = valuesLeft(item, left)) < 0) return left;
  return left;
}

function memoNode(json: string, value: Record<string, unknown>, doc: Document, options: CreateNodeOptions): MemoMap {
  let entry = entries.get(json);
  if (!entry) {
    const created = doc.createNode(mapValues(value, (child) => withMemoNodes(child, doc, options, false)), options) as YAMLMap;
    // A MemoMap made by its constructor, not a created map given another prototype (the engine
    // would then treat every node as unusual and slow down all of the serialising).
    const node = new MemoMap(doc.schema);
    node.items = created.items;
    entry = { node, texts: new Map(), usedAt: calls };
    node.entry = entry;
    entries.set(json, entry);
  }
  entry.usedAt = calls;
  return entry.node;
}

function mapValues(value: Record<string, unknown>, map: (child: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = map(value[key]);
  return out;
}

// One set of options for every call: a remembered text is only valid for the options it was made with.
// lineWidth 0: never fold long strings, so the text stays byte-stable and diff-friendly.
// directives false: there never are any, and looking for tags to declare walks the whole document
// once more (~15 % of the time at 1,000 rules).
export const YAML_CREATE_OPTIONS: CreateNodeOptions = { aliasDuplicateObjects: false };
export const YAML_STRING_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, directives: false };

/** What `stringify(value, { ...YAML_CREATE_OPTIONS, ...YAML_STRING_OPTIONS })` gives, reusing remembered parts. */
export function memoisedYaml(value: unknown): string {
  calls += 1;
  const doc = new Document();
  doc.contents = doc.createNode(withMemoNodes(value, doc, YAML_CREATE_OPTIONS, false), YAML_CREATE_OPTIONS);
  parts = [];
  let marked: string;
  let placed: string[];
  try {
    marked = doc.toString(YAML_STRING_OPTIONS);
  } finally {
    placed = parts;
    parts = null;
  }
  const text = withPartsPlaced(marked, placed) ?? doc.toString(YAML_STRING_OPTIONS);
  for (const [json, entry] of entries) if (entry.usedAt <= calls - KEEP_CALLS) entries.delete(json);
  return text;
}

/** For tests: forget every remembered text. */
export function forgetYamlMemo(): void {
  entries.clear();
  reused = 0;
}

/** For tests and benchmarks: parts remembered, and texts served from memory since forgetYamlMemo. */
export function yamlMemoStats(): { entries: number; reused: number } {
  return { entries: entries.size, reused };
}

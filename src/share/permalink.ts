// Permalinks: a whole design in a URL fragment, `#d=<codec version>.<payload>`. Pure (no window,
// no DOM): the app and the CLI share it.
//
// Codec version 1: payload = base64url (no padding) of deflate-raw (level 9) of the JSON of the
// design's compact value (./permalinkV1: only what differs from the frozen defaults of
// ./defaultsV1). Decoding inflates, expands the defaults back, then goes through loadDesign
// (parse → migrate → validate), the same path as autosave and design.json.
//
// Bad links never throw and never hang: the link's length is capped before any work, inflating
// stops as soon as the output passes a fixed cap, and expanding the defaults spends a fixed
// budget of items. Every refusal names its problem.
import { Inflate, deflateSync } from 'fflate';
import { loadDesign, type LoadResult } from '../model/load';
import type { Design } from '../model/schema';
import { MAX_ITEMS, TooManyItems, compactV1, expandV1 } from './permalinkV1';

/** The codec version new links are made with. */
export const PERMALINK_VERSION = 1;
/** Longest link text read, whole URL included: longer ones are refused before any work. */
export const MAX_LINK_CHARS = 256 * 1024;
/** Most bytes a link's payload may inflate to. */
export const MAX_EXPANDED_BYTES = 2 * 1024 * 1024;
/** Most loadDesign problems listed; the rest are counted. */
const MAX_ERRORS = 20;
/**
 * Inflate input per step: at most ~1,032 output bytes per input byte, so a step makes at most
 * ~4 MiB before the cap is checked again. In Node, a 500-node design's link inflates in ~12 ms
 * (1 KiB steps: ~23 ms; 16 KiB: ~10 ms) and a 50 MB bomb is refused in ~60 ms (1 KiB: ~12 ms;
 * 16 KiB: ~180 ms).
 */
const INFLATE_STEP = 4 * 1024;

export { MAX_ITEMS };

// ---- Encode ---------------------------------------------------------------------------------

/** The URL fragment (without `#`) that holds `design`: `d=1.<base64url>`. */
export function encodePermalink(design: Design): string {
  const json = JSON.stringify(compactV1(design));
  return `d=${PERMALINK_VERSION}.${toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
}

/** `base` (any fragment dropped) with the design's fragment. */
export function permalinkUrl(base: string, design: Design): string {
  const hash = base.indexOf('#');
  return `${hash === -1 ? base : base.slice(0, hash)}#${encodePermalink(design)}`;
}

// ---- Decode ---------------------------------------------------------------------------------

const fail = (...errors: string[]): LoadResult => ({ ok: false, errors });

/**
 * Decoders by codec version. A new version gets a new entry (and its own frozen defaults); the
 * old entries stay, so every link ever made keeps decoding to the same design.
 */
const DECODERS: Record<number, (data: string) => LoadResult> = {
  1: (data) => decodeDeflatedJson(data, expandV1),
};
const NEWEST = Math.max(...Object.keys(DECODERS).map(Number));

/**
 * The design in a link: `input` is a whole URL, `#d=…` or `d=…`. Never throws: a bad link gives
 * `{ ok: false, errors }` naming the problem, an invalid design the field paths of loadDesign.
 */
export function decodePermalink(input: string): LoadResult {
  try {
    return decode(input);
  } catch (error) {
    // Not reachable by any input we know of; a bug, reported rather than thrown.
    return fail(`the link could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function decode(input: string): LoadResult {
  if (typeof input !== 'string') return fail('the link must be text');
  if (input.length > MAX_LINK_CHARS) return fail(`the link is too long: ${input.length} characters, at most ${MAX_LINK_CHARS} (256 KiB) are read`);
  const param = designParam(input.trim());
  if (param === null) return fail('the link holds no design: expected "#d=" followed by the design');
  if (param === '') return fail('the link is empty: nothing follows "d="');
  const found = /^(0|[1-9][0-9]{0,8})\.([\s\S]*)$/.exec(param);
  if (!found) return fail('the link has no version: expected "d=<version>.<data>", like d=1.…');
  const version = Number(found[1]);
  if (version > NEWEST) return fail(`link version ${version} is newer than this app understands (${NEWEST}); update the app`);
  const decoder = Object.prototype.hasOwnProperty.call(DECODERS, version) ? DECODERS[version] : undefined;
  if (!decoder) return fail(`link version ${version} is unknown (this app reads ${Object.keys(DECODERS).join(', ')})`);
  if (found[2] === '') return fail(`the link is empty: nothing follows "d=${version}."`);
  return decoder(found[2]);
}

/** The value of the `d` parameter of the fragment (or of `input` itself when it has no `#`). */
function designParam(input: string): string | null {
  const hash = input.indexOf('#');
  const fragment = hash === -1 ? input : input.slice(hash + 1);
  for (const part of fragment.split('&')) if (part.startsWith('d=')) return part.slice(2);
  return null;
}

function decodeDeflatedJson(data: string, expand: (value: unknown) => unknown): LoadResult {
  const bad = /[^A-Za-z0-9_-]/.exec(data);
  if (bad) {
    const shown = JSON.stringify(bad[0]);
    return fail(`the link is damaged: ${shown} at position ${bad.index + 1} of the data is not a base64url character (A–Z, a–z, 0–9, - or _)`);
  }
  const bytes = fromBase64Url(data);
  if (!bytes) return fail('the link is truncated or damaged: its data has an impossible length');
  const inflated = inflateCapped(bytes, MAX_EXPANDED_BYTES);
  if (inflated === 'too-big') return fail(`the link expands to more than ${MAX_EXPANDED_BYTES / 1024 / 1024} MiB; refused`);
  if (inflated === 'damaged') return fail('the link is truncated or damaged: its data does not decompress');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('the link is damaged: its data is not UTF-8 text');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`the link is damaged: its data is not valid JSON (${(error as Error).message})`);
  }
  let document: unknown;
  try {
    document = expand(value);
  } catch (error) {
    if (error instanceof TooManyItems) return fail(error.message);
    throw error;
  }
  const tooLong = longQuantities(document);
  if (tooLong.length > 0) return fail(...tooLong);
  const loaded = loadDesign(document);
  if (loaded.ok || loaded.errors.length <= MAX_ERRORS) return loaded;
  return fail(...loaded.errors.slice(0, MAX_ERRORS), `… and ${loaded.errors.length - MAX_ERRORS} more problems`);
}

/**
 * The schema's Kubernetes quantity regex takes time quadratic in the text's length (2 MiB of
 * digits would take many minutes), so overlong quantities are refused before loadDesign sees
 * them. A real quantity is a few characters.
 */
const MAX_QUANTITY_CHARS = 64;
const QUANTITIES = ['requestsCpu', 'requestsMemory', 'limitsCpu', 'limitsMemory'];

function longQuantities(document: unknown): string[] {
  const deployment = isObj(document) ? document.deployment : undefined;
  const resources = isObj(deployment) ? deployment.resources : undefined;
  if (!isObj(resources)) return [];
  return QUANTITIES.filter((key) => {
    const value = Object.prototype.hasOwnProperty.call(resources, key) ? resources[key] : undefined;
    return typeof value === 'string' && value.length > MAX_QUANTITY_CHARS;
  }).map((key) => `deployment.resources.${key}: must be a Kubernetes quantity, like 100m or 64Mi (at most ${MAX_QUANTITY_CHARS} characters)`);
}

const isObj = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class OverCap extends Error {}

/** Inflates raw deflate data, giving up as soon as the output passes `cap` bytes. */
function inflateCapped(bytes: Uint8Array, cap: number): Uint8Array | 'too-big' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new OverCap();
    chunks.push(chunk);
  });
  try {
    // In steps: one step's output is bounded (see INFLATE_STEP) before the cap is checked again.
    for (let start = 0; start < bytes.length; start += INFLATE_STEP) {
      const end = Math.min(start + INFLATE_STEP, bytes.length);
      inflater.push(bytes.subarray(start, end), end === bytes.length);
    }
  } catch (error) {
    return error instanceof OverCap ? 'too-big' : 'damaged';
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// ---- base64url (RFC 4648 §5, no padding) ----------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of base64url text (alphabet already checked), or null for an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 6) | VALUE_OF.get(text.charCodeAt(i))!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

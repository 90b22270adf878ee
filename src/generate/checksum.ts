import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isRememberedPart } from './envoy/remembered';

/** Hex SHA-256 of a text; synchronous, the same in the browser, a worker and Node. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * The Pods' config annotation: it changes whenever the config does, so the workloads roll, and it
 * needs no YAML. A SHA-256 of the bootstrap's compact JSON in which each cluster and virtual host
 * (parts envoy/remembered.ts builds once) stands as the SHA-256 of its own compact JSON. A part's
 * digest stays with it, so a keystroke hashes only what it changed: hashing all 130 KB at 1,000
 * rules took ~1.5 ms, twice the JSON.stringify floor (issue #8).
 */
export function configChecksum(bootstrap: unknown): string {
  return sha256Hex(JSON.stringify(bootstrap, partsAsDigests(bootstrap)));
}

const DIGESTS = new WeakMap<object, string>();

/** A JSON.stringify replacer writing every remembered part inside `root` as its digest. */
function partsAsDigests(root: unknown) {
  return (_key: string, value: unknown): unknown => {
    if (value === root || typeof value !== 'object' || value === null || !isRememberedPart(value)) return value;
    let digest = DIGESTS.get(value);
    if (digest === undefined) DIGESTS.set(value, (digest = sha256Hex(JSON.stringify(value, partsAsDigests(value)))));
    return `sha256:${digest}`;
  };
}

// The config bundle: exactly the generated files in a zip, byte-for-byte reproducible.
import { strToU8, zipSync, type Zippable } from 'fflate';

// Zip timestamps are DOS dates (1980 or later); a fixed one keeps the archive deterministic.
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

export function bundleZip(files: Record<string, string>): Uint8Array {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) entries[name] = [strToU8(files[name]), { mtime: FIXED_MTIME }];
  return zipSync(entries, { level: 9 });
}

/**
 * A file name safe on every OS from free-text design names: letters, digits, "-" and "_" only,
 * no leading dot, bounded length.
 */
export function safeFileStem(name: string, fallback = 'envoy-design'): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80)
    .replace(/[-_]+$/g, '');
  return stem || fallback;
}

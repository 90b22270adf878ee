import { MAX_CONFIG_CHARS } from '../../import/limits';

/** Reads a chosen or dropped config file, refusing oversized ones before reading them. */
export async function readConfigFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > MAX_CONFIG_CHARS) return { ok: false, error: `${file.name} is larger than ${MAX_CONFIG_CHARS / 1024 / 1024} MiB` };
  return { ok: true, text: await file.text() };
}

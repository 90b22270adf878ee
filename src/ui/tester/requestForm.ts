// The tester's form as text fields, and how they become a TestRequest.
import type { TestRequest } from '../../routing/types';

export type RequestForm = { listener: string; authority: string; path: string; method: string; headers: string; scheme: 'http' | 'https'; random: string };

export const EMPTY_FORM: RequestForm = { listener: '', authority: 'example.com', path: '/', method: 'GET', headers: '', scheme: 'http', random: '' };

/** "name: value" per line; blank lines ignored; a line without ":" is a header with an empty value. */
export function parseHeaderLines(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
      return colon < 0 ? [line, ''] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
}

export function toRequest(form: RequestForm): TestRequest {
  return { authority: form.authority, path: form.path || '/', method: form.method || 'GET', headers: parseHeaderLines(form.headers), scheme: form.scheme };
}

export function fromRequest(request: TestRequest, form: RequestForm): RequestForm {
  return {
    ...form,
    authority: request.authority,
    path: request.path,
    method: request.method ?? 'GET',
    scheme: request.scheme ?? 'http',
    headers: (request.headers ?? []).map(([name, value]) => `${name}: ${value}`).join('\n'),
  };
}

/** A whole number for Envoy's random value, or undefined when empty or not a number. */
export function parseRandom(text: string): bigint | undefined {
  return /^\d{1,20}$/.test(text.trim()) ? BigInt(text.trim()) : undefined;
}

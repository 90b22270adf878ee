import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, fromRequest, parseHeaderLines, parseRandom, toRequest } from './requestForm';

describe('request form', () => {
  it('reads header lines, keeping repeats and pseudo-headers', () => {
    expect(parseHeaderLines('x-a: 1\n\n x-a: 2 \n:method: POST\nflag')).toEqual([['x-a', '1'], ['x-a', '2'], [':method', 'POST'], ['flag', '']]);
  });
  it('round-trips a request through the form', () => {
    const request = { authority: 'api.example.com:8080', path: '/v1?x=1', method: 'POST', headers: [['x-a', '1']] as [string, string][], scheme: 'https' as const };
    expect(toRequest(fromRequest(request, EMPTY_FORM))).toEqual(request);
  });
  it('takes only whole numbers as the random value', () => {
    expect(parseRandom('42')).toBe(42n);
    expect(parseRandom('')).toBeUndefined();
    expect(parseRandom('-1')).toBeUndefined();
    expect(parseRandom('1e3')).toBeUndefined();
  });
});

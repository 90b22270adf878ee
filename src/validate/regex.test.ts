import { describe, expect, it } from 'vitest';
import { re2Error } from './regex';

describe('re2Error', () => {
  it('accepts patterns RE2 compiles', () => {
    expect(re2Error('^/api/v[0-9]+/.*')).toBeNull();
    expect(re2Error('')).toBeNull();
    expect(re2Error('(?i)/Static/.*')).toBeNull();
  });

  it('explains a syntax error', () => {
    expect(re2Error('(')).toBe('not a valid RE2 regex: missing closing ): `(`');
    expect(re2Error('[a-')).toMatch(/missing closing ]/);
  });

  it('rejects Perl features RE2 does not support', () => {
    expect(re2Error('(?=x)')).toMatch(/unsupported Perl syntax/);
    expect(re2Error('(?!x)y')).not.toBeNull();
    expect(re2Error('(a)\\1')).not.toBeNull();
  });
});

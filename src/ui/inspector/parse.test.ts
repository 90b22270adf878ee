import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Duration, KubernetesLabelName, Port } from '../../model/schema';
import { allChecks, integerParser, optionalParser, schemaCheck, textParser } from './parse';

describe('integerParser with the schema Port', () => {
  const port = integerParser(schemaCheck(Port));

  it('accepts whole numbers from 1 to 65535', () => {
    expect(port('8080')).toEqual({ ok: true, value: 8080 });
    expect(port(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(port('65535')).toEqual({ ok: true, value: 65535 });
  });

  it('explains what is wrong', () => {
    expect(port('')).toEqual({ ok: false, error: 'must not be empty' });
    expect(port('80.5')).toEqual({ ok: false, error: 'must be a whole number' });
    expect(port('eighty')).toEqual({ ok: false, error: 'must be a whole number' });
    expect(port('0')).toEqual({ ok: false, error: 'must be between 1 and 65535' });
    expect(port('65536')).toEqual({ ok: false, error: 'must be between 1 and 65535' });
    expect(port('99999999999999999999')).toEqual({ ok: false, error: 'is too large' });
  });
});

describe('schemaCheck', () => {
  it('keeps the schema messages', () => {
    expect(schemaCheck(Duration)('15s')).toBeNull();
    expect(schemaCheck(Duration)('15')).toBe('must be a duration in seconds, like 0.25s or 15s');
    expect(schemaCheck(KubernetesLabelName)('Default')).toMatch(/DNS-1123 label/);
  });

  it('words zod defaults plainly', () => {
    expect(schemaCheck(z.number().int().min(0).max(9))(-1)).toBe('must be at least 0');
    expect(schemaCheck(z.number().int().min(0).max(9))(10)).toBe('must be at most 9');
  });
});

describe('optionalParser', () => {
  const timeout = optionalParser(textParser(schemaCheck(Duration)));

  it('reads empty text as null (unset)', () => {
    expect(timeout('')).toEqual({ ok: true, value: null });
    expect(timeout('  ')).toEqual({ ok: true, value: null });
  });

  it('parses anything else', () => {
    expect(timeout('2s')).toEqual({ ok: true, value: '2s' });
    expect(timeout('2 s')).toMatchObject({ ok: false });
  });
});

describe('allChecks', () => {
  it('returns the first failure and skips falsy checks', () => {
    const check = allChecks<string>(false, (s) => (s ? null : 'empty'), (s) => (s.length > 3 ? 'long' : null));
    expect(check('')).toBe('empty');
    expect(check('abcd')).toBe('long');
    expect(check('abc')).toBeNull();
  });
});

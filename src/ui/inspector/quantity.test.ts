import { describe, expect, it } from 'vitest';
import { quantityValue, requestAboveLimit } from './quantity';

describe('quantityValue', () => {
  it('reads decimal, binary and exponent suffixes', () => {
    expect(quantityValue('100m')).toBeCloseTo(0.1);
    expect(quantityValue('2')).toBe(2);
    expect(quantityValue('1.5')).toBe(1.5);
    expect(quantityValue('64Mi')).toBe(64 * 2 ** 20);
    expect(quantityValue('1G')).toBe(1e9);
    expect(quantityValue('2e3')).toBe(2000);
  });

  it('returns null for unknown suffixes', () => {
    expect(quantityValue('5Q')).toBeNull();
    expect(quantityValue('abc')).toBeNull();
  });
});

describe('requestAboveLimit', () => {
  it('compares across units and ignores unset values', () => {
    expect(requestAboveLimit('512Mi', '256Mi')).toBe(true);
    expect(requestAboveLimit('1', '500m')).toBe(true);
    expect(requestAboveLimit('64Mi', '1Gi')).toBe(false);
    expect(requestAboveLimit('1Gi', '1G')).toBe(true);
    expect(requestAboveLimit(null, '1Gi')).toBe(false);
    expect(requestAboveLimit('1Gi', null)).toBe(false);
  });
});

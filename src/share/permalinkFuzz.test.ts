// Fuzzing decodePermalink with 10,000 inputs (fixed seed): random text, random base64url, damaged
// valid links, deflated random JSON. Whatever comes in, it returns a design or a non-empty list of
// problems, never throws, and a design it returns is one that links round-trip. Bounded work is
// guaranteed by caps (link length, inflated size, item budget), not asserted as timings here:
// bench/permalink.ts measures the time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../model/load';
import { decodePermalink, encodePermalink } from './permalink';
import { FUZZ_CATEGORIES, FUZZ_SEED, bombFragment } from './permalinkSamples.testkit';

function expectWellBehaved(input: string): LoadResult {
  const result = decodePermalink(input);
  if (result.ok) {
    // Whatever decoded is a design links carry exactly.
    const again = decodePermalink(encodePermalink(result.design));
    expect(again).toEqual(result);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(typeof error).toBe('string');
      expect(error.length).toBeGreaterThan(0);
    }
    // The catch-all in decodePermalink is for bugs: no input may reach it.
    expect(result.errors[0]).not.toMatch(/^the link could not be read/);
  }
  return result;
}

describe('decodePermalink under fuzzing', () => {
  it('runs 10,000 cases in all', () => {
    expect(FUZZ_CATEGORIES.reduce((sum, c) => sum + c.runs, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it.each(FUZZ_CATEGORIES.map((c) => [c.name, c] as const))('%s: a design or named problems, never a throw', (_name, category) => {
    fc.assert(
      fc.property(category.input, (input) => {
        expectWellBehaved(input);
      }),
      { seed: FUZZ_SEED, numRuns: category.runs },
    );
  });

  it('refuses a decompression bomb (50 MB of zeros) at the cap', () => {
    const bomb = bombFragment();
    expect(bomb.length).toBeLessThan(100_000);
    expect(expectWellBehaved(bomb)).toEqual({ ok: false, errors: ['the link expands to more than 2 MiB; refused'] });
    // The same bomb at the end of a whole URL.
    expect(expectWellBehaved(`https://designer.example/#${bomb}`)).toEqual({ ok: false, errors: ['the link expands to more than 2 MiB; refused'] });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { applyEdits, arbitraryEdits } from '../model/edits.testkit';
import { compactV1 } from './permalinkV1';

describe('compactV1', () => {
  it('compacts an edited design as it compacts the same design made anew, edit after edit', () => {
    fc.assert(
      fc.property(arbitraryDesign(), arbitraryEdits(), (start, edits) => {
        compactV1(start);
        applyEdits(start, edits, (design) => expect(compactV1(design)).toEqual(compactV1(structuredClone(design))));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  }, 120_000);
});

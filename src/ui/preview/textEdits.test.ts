import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEdits, minimalEdits, type TextEdit } from './textEdits';

/** Edits are in order, do not overlap, and give exactly the new text. */
function expectValid(before: string, after: string, edits: TextEdit[]) {
  expect(applyEdits(before, edits)).toBe(after);
  edits.forEach((edit, i) => {
    expect(edit.start).toBeLessThanOrEqual(edit.end);
    if (i > 0) expect(edits[i - 1].end).toBeLessThanOrEqual(edit.start);
  });
}

describe('minimalEdits', () => {
  it('is empty for equal texts and keeps common prefix and suffix', () => {
    expect(minimalEdits('abc', 'abc')).toEqual([]);
    expect(minimalEdits('port: 80\nx', 'port: 8080\nx')).toEqual([{ start: 8, end: 8, text: '80' }]);
    expect(minimalEdits('aXa', 'aa')).toEqual([{ start: 1, end: 2, text: '' }]);
    expect(minimalEdits('', 'new')).toEqual([{ start: 0, end: 0, text: 'new' }]);
  });
  it('a rename on lines far apart is one short edit per line, not everything in between', () => {
    const lines = (name: string) => ['cluster: ' + name, ...Array.from({ length: 1000 }, (_, i) => `line ${i}`), 'name: ' + name, 'end'].join('\n');
    const edits = minimalEdits(lines('web'), lines('webx'));
    expect(edits).toEqual([
      { start: 12, end: 12, text: 'x' },
      expect.objectContaining({ text: 'x' }),
    ]);
    expect(applyEdits(lines('web'), edits)).toBe(lines('webx'));
  });
  it('always reproduces the new text, in order and without overlaps', () => {
    const lineText = fc.array(fc.constantFrom('a', 'b', 'c', '\n', 'é', ' '), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), lineText), fc.oneof(fc.string(), lineText), (before, after) => {
        expectValid(before, after, minimalEdits(before, after));
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });
  it('starts at the first character when the texts differ there, even at a newline', () => {
    expectValid('\nab\ncd', 'x\nab\ncd', minimalEdits('\nab\ncd', 'x\nab\ncd'));
    expectValid('\nab', 'ab', minimalEdits('\nab', 'ab'));
    expect(minimalEdits('\nab\ncd', '\nab\ncX')).toEqual([{ start: 5, end: 6, text: 'X' }]);
  });
  it('pairs long lines (past the compared chunk sizes) and finds each change in them', () => {
    const long = (mark: string) => `${'a'.repeat(3000)}${mark}${'b'.repeat(2000)}`;
    const before = ['x', long(''), 'y', long('1'), 'z'].join('\n');
    const after = ['x', long('Q'), 'y', long('12'), 'z'].join('\n');
    const edits = minimalEdits(before, after);
    expect(edits.map((e) => e.text)).toEqual(['Q', '2']);
    expectValid(before, after, edits);
  });
  it('is one replacement when lines are added or removed', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');
    expect(minimalEdits(lines(50), lines(49))).toHaveLength(1);
    expect(minimalEdits(lines(49), lines(50))).toHaveLength(1);
    expectValid(lines(50), lines(49), minimalEdits(lines(50), lines(49)));
  });
  it('reproduces texts of many lines edited here and there (lines changed, added, removed)', () => {
    const line = fc.oneof(fc.constantFrom('', 'a', '  "name": "web"', 'x'.repeat(1100)), fc.string({ maxLength: 30 }));
    const change = fc.record({ at: fc.nat(), kind: fc.constantFrom('change', 'add', 'remove'), text: line });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.array(change, { maxLength: 6 }), (lines, changes) => {
        const next = [...lines];
        for (const { at, kind, text } of changes) {
          const i = at % (next.length + 1);
          if (kind === 'add') next.splice(i, 0, text);
          else if (kind === 'remove') next.splice(i, 1);
          else next[Math.min(i, next.length - 1)] = text;
        }
        expectValid(lines.join('\n'), next.join('\n'), minimalEdits(lines.join('\n'), next.join('\n')));
      }),
      { seed: 20261126, numRuns: 1000 },
    );
  });
});

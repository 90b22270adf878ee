// The few small replacements that turn the preview's previous text into the new one, so a
// keystroke hands Monaco a line or two to change instead of a 400 KB text.

export type TextEdit = { start: number; end: number; text: string };

// Substrings are compared natively (~10× faster than a loop over characters on a 400 KB text):
// whole chunks first, then ever smaller ones, then characters.
const CHUNKS = [1024, 128, 16];

/** How many characters are equal from `a[i]` and `b[j]` on, up to `max`. */
function equalRun(a: string, i: number, b: string, j: number, max: number): number {
  let run = 0;
  for (const chunk of CHUNKS) {
    while (run + chunk <= max && a.slice(i + run, i + run + chunk) === b.slice(j + run, j + run + chunk)) run += chunk;
  }
  while (run < max && a.charCodeAt(i + run) === b.charCodeAt(j + run)) run++;
  return run;
}

/** How many characters are equal before `a[i]` and `b[j]` (going backwards), up to `max`. */
function equalRunBack(a: string, i: number, b: string, j: number, max: number): number {
  let run = 0;
  for (const chunk of CHUNKS) {
    while (run + chunk <= max && a.slice(i - run - chunk, i - run) === b.slice(j - run - chunk, j - run)) run += chunk;
  }
  while (run < max && a.charCodeAt(i - run - 1) === b.charCodeAt(j - run - 1)) run++;
  return run;
}

/** The common prefix and suffix lengths of two texts (the suffix never overlaps the prefix). */
function commonEnds(before: string, after: string): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  const prefix = equalRun(before, 0, after, 0, max);
  const suffix = equalRunBack(before, before.length, after, after.length, max - prefix);
  return { prefix, suffix };
}

// Beyond this many changed lines, one replacement is cheaper for the editor than many.
const MAX_LINE_EDITS = 500;

/** The start of the line holding `at`. */
function lineStart(text: string, at: number): number {
  // lastIndexOf clamps a negative position to 0 and would find a newline there.
  return at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

/** The end of the line holding `from` (its '\n'), or `stop` if that comes first. */
function lineEnd(text: string, from: number, stop: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 || newline > stop ? stop : newline;
}

/**
 * Small replacements turning `before` into `after`, in order, not overlapping, each relative to
 * `before`. Applying them instead of the whole text keeps the editor's scroll position and folds;
 * and a rename that touches lines far apart (a cluster's name in its route and in its definition)
 * stays a few short edits rather than one replacement of everything in between, which the editor
 * would re-measure and re-tokenise on every keystroke.
 *
 * Lines are paired in order between the texts' common ends; an edit that adds or removes lines is
 * one replacement. Runs of equal text are skipped by comparing substrings, so the cost follows
 * the number of changed lines, not the length of the text.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const { prefix, suffix } = commonEnds(before, after);
  const whole: TextEdit = { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
  // The changed region, widened to whole lines; the widening is common text, so both texts'
  // regions start at the same offset and end the same distance from their ends.
  const oldStop = lineEnd(before, before.length - suffix, before.length);
  const newStop = oldStop + after.length - before.length;
  const edits: TextEdit[] = [];
  let o = lineStart(before, prefix);
  let n = o;
  for (;;) {
    // o and n sit at the same place in lines paired so far, all equal since their starts.
    const run = equalRun(before, o, after, n, Math.min(oldStop - o, newStop - n));
    o += run;
    n += run;
    if (o === oldStop && n === newStop) return edits;
    const oldLineStart = lineStart(before, o);
    const newLineStart = n - (o - oldLineStart);
    const oldLineEnd = lineEnd(before, o, oldStop);
    const newLineEnd = lineEnd(after, n, newStop);
    const ends = commonEnds(before.slice(oldLineStart, oldLineEnd), after.slice(newLineStart, newLineEnd));
    edits.push({ start: oldLineStart + ends.prefix, end: oldLineEnd - ends.suffix, text: after.slice(newLineStart + ends.prefix, newLineEnd - ends.suffix) });
    if (edits.length > MAX_LINE_EDITS) return [whole];
    const oldDone = oldLineEnd === oldStop;
    if (oldDone !== (newLineEnd === newStop)) return [whole]; // the texts differ in line count
    if (oldDone) return edits;
    o = oldLineEnd + 1;
    n = newLineEnd + 1;
  }
}

/** Applies edits from minimalEdits to a string (the reference semantics Monaco's applyEdits must match). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) out = out.slice(0, edits[i].start) + edits[i].text + out.slice(edits[i].end);
  return out;
}

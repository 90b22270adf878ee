import type { ImportSummary } from '../../import/context';

function Section({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <section className="import-section" aria-label={title}>
      <h3>
        {title} ({items.length})
      </h3>
      {items.length === 0 ? <p>{empty}</p> : <ul>{items.map((item, i) => <li key={`${i}-${item}`}>{item}</li>)}</ul>}
    </section>
  );
}

/**
 * What the import will do, shown before anything is replaced. With `mergeNotes`, also what merging
 * into the current design would adjust (names and ports taken, bootstrap settings not merged).
 */
export function ImportSummaryView({ summary, mergeNotes }: { summary: ImportSummary; mergeNotes?: string[] }) {
  return (
    <div className="import-summary" data-testid="import-summary">
      <Section title="Becomes nodes" items={summary.nodes} empty="Nothing the canvas can show." />
      <Section title="Kept as is" items={summary.kept} empty="Nothing: every field maps to the design." />
      <Section title="Could not be imported" items={summary.unsupported} empty="Nothing: the round trip is exact." />
      {summary.notes.length > 0 && <Section title="Notes" items={summary.notes} empty="" />}
      {mergeNotes && <Section title="If merged" items={mergeNotes} empty="Nothing to adjust: no name nor port is taken." />}
    </div>
  );
}

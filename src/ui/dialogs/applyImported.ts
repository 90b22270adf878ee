// What happens to the design once the user has seen an import's summary and chosen: replace it,
// merge into it, or (from the preview's Edit mode) rebuild it from its edited config. Each is one
// store update, so one undo step brings back the previous design.
import { autoLayout } from '../../import/layout';
import { mergeDesigns, rebuildFromConfig } from '../../model/merge';
import { findElement } from '../../model/operations';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';

const laidOut = (design: Design) => autoLayout(design).catch(() => design);

/** Lays the imported design out (listeners → routes → clusters) and makes it the design. */
export async function replaceWithImported(design: Design) {
  const placed = await laidOut(design);
  const { replaceDesign, select, setNotice } = useStore.getState();
  replaceDesign(placed);
  select([]);
  setNotice({ kind: 'info', message: `Imported "${placed.name}". Undo brings back the previous design.` });
}

/** Adds the imported elements below the current ones (see mergeDesigns) and selects them. */
export async function mergeImported(design: Design) {
  const placed = await laidOut(design);
  const { design: current, replaceDesign, select, setNotice } = useStore.getState();
  const merged = mergeDesigns(current, placed);
  // A whole new document as far as the canvas goes: it fits the merged design in view.
  replaceDesign(merged.design);
  select(merged.ids);
  const notes = merged.notes.length === 0 ? '' : ` ${merged.notes.length} adjusted: ${merged.notes.slice(0, 3).join('; ')}${merged.notes.length > 3 ? '; …' : ''}.`;
  setNotice({ kind: 'info', message: `Merged "${placed.name}": ${merged.ids.length} elements added.${notes} Undo brings back the previous design.` });
}

/** Rebuilds the design from its own edited Envoy config, keeping places and settings (see rebuildFromConfig). */
export async function rebuildFromEditedConfig(design: Design) {
  const placed = await laidOut(design);
  const { edit, select, setNotice } = useStore.getState();
  edit((current) => rebuildFromConfig(current, placed));
  // Elements keep their ids, so the selection stays where it still exists.
  const { design: rebuilt, selection } = useStore.getState();
  select(selection.filter((id) => findElement(rebuilt, id)));
  setNotice({ kind: 'info', message: 'Applied the edited config to the design. Undo brings back the previous design.' });
}

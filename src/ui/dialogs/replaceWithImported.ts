import { autoLayout } from '../../import/layout';
import type { Design } from '../../model/schema';
import { useStore } from '../../store/store';

/** Lays the imported design out (listeners → routes → clusters) and makes it the design; undoable. */
export async function replaceWithImported(design: Design) {
  const placed = await autoLayout(design).catch(() => design);
  const { replaceDesign, select, setNotice } = useStore.getState();
  replaceDesign(placed);
  select([]);
  setNotice({ kind: 'info', message: `Imported "${placed.name}". Undo brings back the previous design.` });
}

import { useStore as useZustand } from 'zustand';
import { useStore } from '../../store/store';

/** Undo and redo depths, so history buttons enable and disable as the user edits. */
export function useHistoryDepth(): [number, number] {
  const past = useZustand(useStore.temporal, (s) => s.pastStates.length);
  const future = useZustand(useStore.temporal, (s) => s.futureStates.length);
  return [past, future];
}

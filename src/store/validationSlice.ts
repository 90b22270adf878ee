// Findings from the validator (which runs in a worker). Derived data, not history: they always
// describe `findingsFor`, the design they were computed from.
import type { StateCreator } from 'zustand';
import type { Design } from '../model/schema';
import type { Finding } from '../validate/finding';
import type { Mutators, StoreState } from './store';

export type ValidationSlice = {
  findings: Finding[];
  findingsFor: Design | null;
  setFindings: (design: Design, findings: Finding[]) => void;
};

export const createValidationSlice: StateCreator<StoreState, Mutators, [], ValidationSlice> = (set) => ({
  findings: [],
  findingsFor: null,
  setFindings: (findingsFor, findings) => set({ findingsFor, findings }),
});

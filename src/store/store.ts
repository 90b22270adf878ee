// The one store, built from slices, with middleware only at the root. Components subscribe with
// narrow selectors (selectors.ts). Undo (zundo) tracks the design and nothing else.
import { create } from 'zustand';
import { temporal } from 'zundo';
import { createDesignSlice, type DesignSlice } from './designSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createValidationSlice, type ValidationSlice } from './validationSlice';

export type StoreState = DesignSlice & UiSlice & ValidationSlice;
export type Mutators = [['temporal', unknown]];

/** Undo keeps at least this many steps. */
export const UNDO_LIMIT = 200;

export const useStore = create<StoreState>()(
  temporal(
    (...args) => ({
      ...createDesignSlice(...args),
      ...createUiSlice(...args),
      ...createValidationSlice(...args),
    }),
    {
      // Selection, viewport, panels and theme are not history.
      partialize: (state) => ({ design: state.design }),
      equality: (past, current) => past.design === current.design,
      limit: UNDO_LIMIT,
    },
  ),
);

export const history = () => useStore.temporal.getState();

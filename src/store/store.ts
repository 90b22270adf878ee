// The one store, built from slices. Components subscribe with narrow selectors (selectors.ts).
import { create } from 'zustand';
import { createDesignSlice, type DesignSlice } from './designSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type StoreState = DesignSlice & UiSlice;

export const useStore = create<StoreState>()((...args) => ({
  ...createDesignSlice(...args),
  ...createUiSlice(...args),
}));

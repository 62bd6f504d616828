import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EarshotState, EarshotStore } from '../state/store';

export const StoreContext = createContext<EarshotStore | null>(null);

export function useEarshotStore(): EarshotStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useEarshot() needs a <StoreContext.Provider>');
  return store;
}

/** Reads a slice of the store and re-renders when it changes. */
export function useEarshot<T>(selector: (s: EarshotState) => T): T {
  return useStore(useEarshotStore(), selector);
}

import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from '../../store/store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystem(onChange: () => void) {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** 'light' or 'dark': the user's toggle, or the system setting when the toggle says "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribeToSystem, () => window.matchMedia(DARK_QUERY).matches);
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Mirrors the resolved theme onto <html data-theme>, where the CSS variables read it. */
export function useThemeAttribute() {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

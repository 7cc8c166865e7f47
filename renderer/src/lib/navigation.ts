import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { MessageKey } from '../../../shared/i18n';

/** Screens are addressed by hash paths ('clients/12'); a feature exposes builders for its own, others link with them. */
export const href = (path: string): string => `#/${path}`;

export const navigate = (path: string): void => {
  window.location.hash = href(path);
};

export const currentPath = (): string => window.location.hash.replace(/^#\/?/, '');

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

/**
 * One screen of a feature: the path it answers ('clients/:id' — a ':name'
 * segment is a whole number), what it shows, and the navigation entry it
 * belongs to. Features list theirs in routes.ts; the app gathers them.
 */
export interface RouteDef {
  path: string;
  render: (params: Record<string, number>) => ReactNode;
  /** The navigation entry lit while this screen shows. */
  section: string;
  /**
   * Kept as it was once first shown, while other screens show (KeptPage): for a screen that takes long to
   * build and that the user comes back to all the time (the clients grid, the key-accounts screen). Only for a path without parameters.
   */
  keep?: boolean;
  /** Present on the one route of a section that the sidebar links to; `Badge` shows a count beside it (things due today). */
  nav?: { label: MessageKey; order: number; Badge?: ComponentType };
}

/** The route a path matches, with its numeric parameters; null when none does. */
export function matchRoute(routes: readonly RouteDef[], path: string): { route: RouteDef; params: Record<string, number> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const want = route.path.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, number> = {};
    if (want.every((w, i) => (w.startsWith(':') ? /^\d+$/.test(parts[i]) && ((params[w.slice(1)] = Number(parts[i])), true) : w === parts[i]))) return { route, params };
  }
  return null;
}

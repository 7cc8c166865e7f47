import { useEffect, useState } from 'react';

export type Route = { name: 'clients' } | { name: 'client'; id: number } | { name: 'analytics' } | { name: 'import' } | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'clients' && parts[1] && /^\d+$/.test(parts[1])) return { name: 'client', id: Number(parts[1]) };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'analytics') return { name: 'analytics' };
  if (parts[0] === 'import') return { name: 'import' };
  return { name: 'clients' };
}

export const hrefFor = (r: Route): string => (r.name === 'client' ? `#/clients/${r.id}` : `#/${r.name}`);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const navigate = (r: Route) => {
  window.location.hash = hrefFor(r);
};

import { useState } from 'react';
import type { RouteDef } from '../lib/navigation';

/** The `keep` routes shown so far, in the order first shown: each stays mounted from then on (KeptPage). */
export function useKeptRoutes(current: RouteDef | undefined): RouteDef[] {
  const [kept, setKept] = useState<RouteDef[]>([]);
  if (current?.keep && !kept.includes(current)) {
    const next = [...kept, current];
    setKept(next);
    return next;
  }
  return kept;
}

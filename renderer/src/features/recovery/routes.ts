import type { RouteDef } from '../../lib/navigation';

export const recoveryRoutes: RouteDef[] = [];

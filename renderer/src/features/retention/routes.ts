import type { RouteDef } from '../../lib/navigation';

export const retentionRoutes: RouteDef[] = [];

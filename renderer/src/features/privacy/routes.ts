import type { RouteDef } from '../../lib/navigation';

export const privacyRoutes: RouteDef[] = [];

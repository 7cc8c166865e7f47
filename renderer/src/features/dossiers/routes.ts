import type { RouteDef } from '../../lib/navigation';

export const dossiersRoutes: RouteDef[] = [];

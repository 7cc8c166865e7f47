import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { ImportPage } from './ImportPage';

export const importRoutes: RouteDef[] = [
  { path: 'import', section: 'import', nav: { label: 'import:nav', order: 30 }, render: () => createElement(ImportPage) },
];

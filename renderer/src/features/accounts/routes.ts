import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { ClientPage } from './ClientPage';
import { ClientsPage } from './ClientsPage';
import { DuplicatesPage } from './DuplicatesPage';
import { CLIENTS_PATH, DUPLICATES_PATH } from './paths';

export const accountsRoutes: RouteDef[] = [
  { path: CLIENTS_PATH, section: 'clients', keep: true, nav: { label: 'accounts:nav', order: 10 }, render: () => createElement(ClientsPage) },
  { path: 'clients/:id', section: 'clients', render: ({ id }) => createElement(ClientPage, { key: id, id }) },
  { path: DUPLICATES_PATH, section: 'duplicates', nav: { label: 'accounts:duplicates.nav', order: 12 }, render: () => createElement(DuplicatesPage) },
];

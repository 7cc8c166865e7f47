import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { ClientPage } from './ClientPage';
import { ClientsPage } from './ClientsPage';
import { CLIENTS_PATH } from './paths';


export const accountsRoutes: RouteDef[] = [
  { path: CLIENTS_PATH, section: 'clients', nav: { label: 'accounts:nav', order: 10 }, render: () => createElement(ClientsPage) },
  { path: 'clients/:id', section: 'clients', render: ({ id }) => createElement(ClientPage, { key: id, id }) },
];

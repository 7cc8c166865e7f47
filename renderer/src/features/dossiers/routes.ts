import { createElement } from 'react';
import type { RouteDef } from '../../lib/navigation';
import { DossierView } from './DossierView';
import { DossiersPage } from './DossiersPage';
import { DOSSIERS_PATH } from './paths';

const standalone = (clientId: number, jump?: { sectionId: number; at: number }) =>
  createElement('section', { className: 'page dossier-page' }, createElement(DossierView, { key: `${clientId}:${jump?.sectionId}:${jump?.at}`, clientId, jump, standalone: true }));

export const dossiersRoutes: RouteDef[] = [
  { path: DOSSIERS_PATH, section: 'dossiers', nav: { label: 'dossiers:nav', order: 25 }, render: () => createElement(DossiersPage) },
  { path: 'dossiers/:clientId', section: 'dossiers', render: (p) => standalone(p.clientId) },
  { path: 'dossiers/:clientId/sections/:sectionId/at/:at', section: 'dossiers', render: (p) => standalone(p.clientId, { sectionId: p.sectionId, at: p.at }) },
];

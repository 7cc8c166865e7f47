import type { ClientPageExtension, ClientsGridExtension } from '../../lib/extensions';
import { DossierView } from './DossierView';

/** The client page's Dossier tab. */
export const dossiersClientPage: ClientPageExtension = {
  tabs: [{ id: 'dossier', label: 'dossiers:tab', render: (clientId) => <DossierView clientId={clientId} /> }],
};
/** The dossiers feature adds no columns to the clients grid. */
export const dossiersClientsGrid: ClientsGridExtension[] = [];

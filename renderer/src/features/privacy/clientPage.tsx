import type { ClientPageExtension } from '../../lib/extensions';
import { PersonalData } from './PersonalData';

/** What the privacy feature adds to the client page: a tab to export or erase its people (or the whole client). */
export const privacyClientPage: ClientPageExtension = {
  tabs: [{ id: 'personal-data', label: 'privacy:person.tab', render: (clientId) => <PersonalData clientId={clientId} /> }],
};

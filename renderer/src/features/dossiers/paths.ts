/** Where the dossier screens live, for links from anywhere. */
export const DOSSIERS_PATH = 'dossiers';
export const dossierPath = (clientId: number): string => `dossiers/${clientId}`;
/** A dossier opened at a search match: the section and the offset in its text. */
export const dossierMatchPath = (clientId: number, sectionId: number, at: number): string => `dossiers/${clientId}/sections/${sectionId}/at/${at}`;

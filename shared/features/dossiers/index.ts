/** The dossiers feature as other features may use it: its types and the search text tools. */
export type { Dossier, DossierRow, DossierJobOutcome, SearchHit, SearchResult } from './types';

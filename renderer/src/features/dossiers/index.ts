/** The dossiers feature as other features may use it: links to a client's dossier. */
export { DOSSIERS_PATH, dossierPath } from './paths';

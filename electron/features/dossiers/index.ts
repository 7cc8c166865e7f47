/** The dossiers feature as other features may use it: the search over dossiers, contact notes and interactions. */
export { search } from './search';
export { bringUpToDate as updateSearchIndex } from './search-index';

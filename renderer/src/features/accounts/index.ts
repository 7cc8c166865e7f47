/** The accounts feature as other features may use it: links to clients, and its settings sections. */
export { CLIENTS_PATH, DUPLICATES_PATH, clientPath } from './paths';

/** Backups as other features may use them: how many to keep when one is made before their work. */
export { backupsToKeep } from './service';

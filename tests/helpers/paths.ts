import { join } from 'node:path';

/** Places tests reach by path, from one spot, so a test can move folders without its '..' chains breaking. */
export const ROOT = join(__dirname, '..', '..');
export const WORKER_FILE = join(ROOT, 'out', 'main', 'worker.js');
export const SCRIPTS = join(ROOT, 'tests', 'helpers', 'scripts');
export const CLI_SOURCE = join(ROOT, 'electron', 'cli', 'index.ts');
/** The real data given beside the repository (../shared/data), never copied into it. */
export const SHARED_DATA = join(ROOT, '..', 'shared', 'data');

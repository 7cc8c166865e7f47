import { query } from '../../contract/define';
import { gridExport } from './types';

export const exportContract = {
  /** Writes a grid as the user sees it to an .xlsx the user picks, as a job; null when the save dialog is closed. */
  'exports.grid': query<{ jobId: string } | null>()(gridExport),
} as const;

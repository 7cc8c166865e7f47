import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import type { Platform } from '../../platform';
import { exportModel, needsLiveFacts } from './export-model';
import { liveFacts } from './facts';
import { dossierPdfHtml } from './pdf-html';
import { writeWhole } from './write-file';

/** "Dossier Orion Kft 2026-06-30.docx": the client's name made safe for every file system. */
export function exportFileName(db: Db, clientId: number, format: 'docx' | 'pdf'): string {
  const m = exportModel(db, clientId);
  const name = (m.dossier.clientName ?? m.dossier.title).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'dossier';
  return `${m.t('export.fileName', { name })} ${m.today}.${format}`;
}

/** Today's figures for the dossier's live blocks, or null when it has none. */
export const factsForExport = (db: Db, clientId: number) => (needsLiveFacts(db, clientId) ? liveFacts(db, clientId) : null);

/** Prints the dossier with the platform's Chromium (Electron's printToPDF in the app) and writes the file whole. */
export async function exportPdfFile(db: Db, platform: Pick<Platform, 'printToPdf'>, clientId: number, path: string): Promise<{ bytes: number; pdf: Uint8Array }> {
  const { html, footerTemplate } = dossierPdfHtml(exportModel(db, clientId, factsForExport(db, clientId)));
  const pdf = await platform.printToPdf(html, { footerTemplate, headerTemplate: '<span></span>' });
  if (!pdf) throw new AppError('invalid_input', 'dossiers:errors.noPdfEngine');
  writeWhole(path, pdf);
  return { bytes: pdf.length, pdf };
}

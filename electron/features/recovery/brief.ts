import { makeFormatters } from '../../../shared/kernel/format';
import { toIsoDate } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import type { Platform } from '../../platform';
import { getSettings } from '../settings';
import { briefData } from './brief-data';
import { BRIEF_STYLE, briefBody, briefDocument } from './brief-html';
import { translatorFor } from './translate';

const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'client';

/** The meeting brief in the user's language, region and currency: the page, its body for the preview, and a file name. */
export function meetingBrief(db: Db, caseId: number, asOf = toIsoDate(new Date())) {
  const data = briefData(db, caseId, asOf);
  const settings = getSettings(db);
  const t = translatorFor(settings.language);
  const fmt = makeFormatters(settings.locale, settings.currency, settings.calendar);
  const body = briefBody(data, t, fmt);
  const title = t('recovery:brief.title', { name: data.client.name });
  return { document: briefDocument(body, settings.language ?? 'en', title), body, style: BRIEF_STYLE, fileName: `brief-${fileSafe(data.client.name)}-${asOf}.pdf` };
}

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object each. */
export const pdfPageCount = (pdf: Uint8Array): number => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** Printed by the platform's Chromium engine; null where there is none (the CLI). */
export async function meetingBriefPdf(db: Db, platform: Platform, caseId: number, asOf?: string) {
  const brief = meetingBrief(db, caseId, asOf);
  const pdf = await platform.printToPdf(brief.document);
  if (!pdf) return null;
  return { fileName: brief.fileName, base64: Buffer.from(pdf).toString('base64'), pages: pdfPageCount(pdf) };
}

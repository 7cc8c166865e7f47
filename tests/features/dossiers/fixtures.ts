import type { DocNode } from '../../../shared/features/dossiers/doc';
import type { Db } from '../../../electron/db/connection';
import { routerCalls } from '../../helpers/router';

export const docOf = (...paragraphs: string[]): DocNode => ({ type: 'doc', content: paragraphs.map((text) => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' })) });

/** A client with a dossier; returns the router calls and the dossier's sections. */
export async function clientWithDossier(db: Db, name = 'Orion Kft', code = 'C1') {
  const r = routerCalls(db);
  const client = await r.call('clients.create', { name, code });
  await r.call('dossiers.create', { clientId: client.id });
  const dossier = await r.call('dossiers.get', { clientId: client.id });
  return { ...r, client, dossier };
}

/** Writes paragraphs into a section through the router, as the editor's autosave does. */
export async function write(call: (c: string, i?: unknown) => Promise<any>, section: { id: number; revision: number }, ...paragraphs: string[]) {
  const r = await call('dossiers.saveSection', { sectionId: section.id, baseRevision: section.revision, doc: docOf(...paragraphs) });
  section.revision = r.revision;
  return r;
}

/** Text in the six languages, each with words that differ only by accents from how people type them. */
export const MULTILINGUAL = {
  en: 'The purchasing manager wants a framework agreement before the spring season.',
  hu: 'Az ügyfél szerint Szergej dönt a beszerzésről, a tőzsdén jegyzett anyavállalat jóváhagyásával.',
  fr: 'Sergé, le gérant, préfère les rendez-vous à Lyon ; la réunion trimestrielle est prévue en décembre.',
  lt: 'Įmonės savininkė Rūta Kazlauskienė Šiauliuose planuoja naują sandėlį ir mokymus montuotojams.',
  ru: 'Ёлочные игрушки закупает Фёдор; всё решает директор, а бухгалтер Алёна проверяет счета.',
  th: 'ลูกค้ารายนี้ซื้อสว่านไร้สายทุกเดือน และอยากให้เราส่งของถึงหน้างานภายในวันเดียว ผู้จัดการฝ่ายจัดซื้อชอบกินอาหารรสเผ็ด ถ้าบริการดีเขาจะซื้อมากขึ้น',
};

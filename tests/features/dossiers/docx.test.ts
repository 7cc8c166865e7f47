import { closeSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, CheckBox } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { plainText } from '../../../shared/features/dossiers/doc';
import type { Db } from '../../../electron/db/connection';
import { runTaskHere } from '../../../electron/jobs/tasks';
import { workerTaskRunner } from '../../../electron/jobs/worker-runner';
import { factsForExport } from '../../../electron/features/dossiers/exports';
import { emptyDatabase, tempDir } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { clientWithDossier, write } from './fixtures';

const quiet = { onProgress: () => {}, isCancelled: () => false, cancelled: new Promise<void>(() => {}) };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A Word dossier as a KAM would have it: headings of level 1 as its chapters, a table, lists, a checklist, Thai, a picture. */
async function wordDossier(path: string): Promise<void> {
  const doc = new Document({
    numbering: { config: [{ reference: 'num', levels: [{ level: 0, format: 'decimal', text: '%1.' }] }] },
    sections: [{
      children: [
        new Paragraph('Prepared for the annual review.'),
        new Paragraph({ text: 'Company overview', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun({ text: 'Founded in 1994', bold: true }), new TextRun(', family owned.')] }),
        new Paragraph({ text: 'History', heading: HeadingLevel.HEADING_2 }),
        new Paragraph('บริษัทของเราได้ทำงานร่วมกับลูกค้ารายนี้มาเป็นเวลาหลายปีแล้ว'),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 }, altText: { name: 'logo', description: 'Company logo', title: 'Logo' } })] }),
        new Paragraph({ text: 'Competitors and alternative suppliers', heading: HeadingLevel.HEADING_1 }),
        new Table({ rows: [
          new TableRow({ children: [new TableCell({ children: [new Paragraph('Supplier')] }), new TableCell({ children: [new Paragraph('Strength')] })] }),
          new TableRow({ children: [new TableCell({ children: [new Paragraph('Nordic Supply')] }), new TableCell({ children: [new Paragraph('Low prices')] })] }),
        ] }),
        new Paragraph({ text: 'Needs', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Fast delivery', bullet: { level: 0 } }),
        new Paragraph({ text: 'Training', bullet: { level: 1 } }),
        new Paragraph({ text: 'First step', numbering: { reference: 'num', level: 0 } }),
        new Paragraph({ children: [new CheckBox({ checked: true }), new TextRun(' Offer sent')] }),
        new Paragraph({ children: [new CheckBox({ checked: false }), new TextRun(' Visit booked')] }),
      ],
    }],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

const snapshot = (db: Db) => db.sqlite.prepare(`SELECT (SELECT count(*) FROM dossiers) AS d, (SELECT count(*) FROM dossier_sections) AS s, (SELECT group_concat(text, '|') FROM dossier_sections) AS t`).get();

describe('a Word dossier coming in', () => {
  it('becomes sections at its level-1 headings, filling empty ones with the same title, with tables, lists, checklists and Thai intact', async () => {
    const db = emptyDatabase();
    const { call, client } = await clientWithDossier(db);
    const file = join(tempDir(), 'dossier.docx');
    await wordDossier(file);
    const r = await runTaskHere(db, 'dossiers.importDocx', { clientId: client.id, path: file }, quiet);
    expect(r.sections.map((s) => [s.title, s.filled])).toEqual([['From the Word file', false], ['Company overview', true], ['Competitors and alternative suppliers', true], ['Needs', false]]);
    expect(r.images).toEqual([{ alt: 'Company logo' }]);
    const d = await call('dossiers.get', { clientId: client.id });
    // Each section's text as its editor asks for it: the stored JSON, parsed here as the editor parses it.
    const texts = new Map<number, unknown>();
    for (const s of d.sections) texts.set(s.id, JSON.parse((await call('dossiers.section', { sectionId: s.id })).docJson));
    const byTitle = (t: string) => {
      const s = d.sections.find((x: { title: string }) => x.title === t);
      return { ...s, doc: texts.get(s.id) as any };
    };
    const company = byTitle('Company overview');
    expect(plainText(company.doc)).toBe('Founded in 1994, family owned.\nHistory\nบริษัทของเราได้ทำงานร่วมกับลูกค้ารายนี้มาเป็นเวลาหลายปีแล้ว');
    expect(company.doc.content[0].content[0]).toEqual({ type: 'text', text: 'Founded in 1994', marks: [{ type: 'bold' }] });
    expect(company.doc.content[1]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    const table = byTitle('Competitors and alternative suppliers').doc.content[0];
    expect(table.type).toBe('table');
    expect(plainText({ type: 'doc', content: [table] })).toBe('Supplier\nStrength\nNordic Supply\nLow prices');
    const needs = byTitle('Needs').doc.content.map((n: { type: string }) => n.type);
    expect(needs).toEqual(['bulletList', 'orderedList', 'taskList']);
    const tasks = byTitle('Needs').doc.content[2].content.map((i: { attrs: { checked: boolean } }) => i.attrs.checked);
    expect(tasks).toEqual([true, false]);
    expect(plainText(byTitle('Needs').doc)).toBe('Fast delivery\nTraining\nFirst step\nOffer sent\nVisit booked');
    // Found by search at once, and the imported text is a revision of its own.
    expect((await call('dossiers.search', { q: 'ลูกค้า' })).total).toBe(1);
    expect((await call('dossiers.revisions', { sectionId: company.id }))[0].reason).toBe('import');
  });

  it('refuses a damaged, password-protected, non-Word, oversized or bomb-like file with a clear message, changing nothing', async () => {
    const db = emptyDatabase();
    const { client } = await clientWithDossier(db);
    const dir = tempDir();
    const before = snapshot(db);
    const attempt = async (name: string, bytes: Uint8Array | null) => {
      const path = join(dir, name);
      if (bytes) writeFileSync(path, bytes);
      try {
        await runTaskHere(db, 'dossiers.importDocx', { clientId: client.id, path }, quiet);
        return 'accepted';
      } catch (err) {
        return (err as Error).message;
      }
    };
    const good = join(dir, 'good.docx');
    await wordDossier(good);
    const goodBytes = readFileSync(good);
    const damaged = Buffer.from(goodBytes);
    damaged.fill(0x41, 200, damaged.length - 400);
    expect(await attempt('damaged.docx', damaged)).toMatch(/^The Word file is damaged and cannot be read/);
    const cfb = Buffer.alloc(4096);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb);
    expect(await attempt('protected.docx', cfb)).toMatch(/^This file is password-protected, or it is an old Word 97–2003 document/);
    expect(await attempt('notes.docx', Buffer.from('just some text, not a document'))).toBe('This is not a Word document (.docx). Nothing was changed.');
    expect(await attempt('sheet.docx', zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') }))).toBe('This is not a Word document (.docx). Nothing was changed.');
    expect(await attempt('missing.docx', null)).toMatch(/cannot be read \(it was moved, deleted, or is not a file\)/);
    // 200 MB: refused from its size, before a byte is read (a sparse file, so the test writes nothing).
    const big = join(dir, 'big.docx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    expect(await attempt('big.docx', null)).toBe('The file is 200 MB; Word dossiers of up to 50 MB can be imported. Save it with smaller pictures (File → Compress Pictures) and try again. Nothing was changed.');
    // A part that claims to inflate to gigabytes is refused from the zip directory, before inflating.
    const bomb = Buffer.from(goodBytes);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = bomb.readUInt32LE(eocd + 16);
    bomb.writeUInt32LE(0xfffffff0, cd + 24);
    expect(await attempt('bomb.docx', bomb)).toMatch(/^This file would unpack to far more than any Word document/);
    expect(snapshot(db)).toEqual(before);
  });

  it('through the router: only a file picked in the dialog is read, and the job imports it', async () => {
    const db = emptyDatabase();
    const file = join(tempDir(), 'picked.docx');
    await wordDossier(file);
    const { call, fail } = routerCalls(db, { platform: { chooseImportFile: async () => file } });
    const c = await call('clients.create', { name: 'Picked' });
    expect((await fail('dossiers.importDocx', { clientId: c.id, path: '/etc/passwd' })).message).toBe('Choose the Word file with the dialog first.');
    const picked = await call('dossiers.pickDocx', {});
    expect(picked).toMatchObject({ path: file, name: 'picked.docx' });
    const { jobId } = await call('dossiers.importDocx', { clientId: c.id, path: file });
    await expect.poll(async () => (await call('jobs.status', { jobId })).state).toBe('done');
    expect((await call('jobs.status', { jobId })).result.result.sections).toHaveLength(4);
  });
});

describe('a dossier going out to Word', () => {
  it('holds every section\'s headings and text, a table of contents, checklists, tables, and fonts for Thai, Cyrillic and Lithuanian', async () => {
    const db = emptyDatabase();
    const { call, client, dossier } = await clientWithDossier(db, 'Šiaulių Prekyba UAB', 'LT1');
    const [a, b, c] = dossier.sections;
    await write(call, a, 'Įmonė įkurta 1994 m.', 'Директор: Фёдор Иванов.');
    await call('dossiers.saveSection', { sectionId: b.id, baseRevision: b.revision, doc: { type: 'doc', content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'ผู้มีอำนาจตัดสินใจ' }] },
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Offer sent' }] }] }] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Supplier' }] }] }] }] },
      { type: 'liveFacts', attrs: { frozen: null } },
    ] } });
    await write(call, c, 'Plain text with a [link]');
    const out = join(tempDir(), 'out.docx');
    const r = await runTaskHere(db, 'dossiers.exportDocx', { clientId: client.id, path: out, facts: factsForExport(db, client.id) }, quiet);
    expect(r.bytes).toBe(readFileSync(out).length);
    const text = (await mammoth.extractRawText({ path: out })).value;
    for (const s of dossier.sections) expect(text, s.title).toContain(s.title);
    for (const t of ['Įmonė įkurta 1994 m.', 'Директор: Фёдор Иванов.', 'ผู้มีอำนาจตัดสินใจ', 'Offer sent', 'Supplier', 'Plain text with a [link]', 'Key-account dossier', 'Contents', 'Revenue, last 12 months']) expect(text).toContain(t);
    const html = (await mammoth.convertToHtml({ path: out })).value;
    expect(html).toContain('<input type="checkbox" checked="checked" /> Offer sent');
    expect(html).toMatch(/<h1><a id="_Toc\d+"><\/a>Company overview<\/h1>/);
    // The table of contents links to every section.
    for (const s of dossier.sections) expect(html).toMatch(new RegExp(`<p><a href="#_Toc\\d+">${s.title}\t</a></p>`));
    const xml = new TextDecoder().decode((await import('fflate')).unzipSync(readFileSync(out))['word/styles.xml']);
    expect(xml).toMatch(/w:rFonts[^>]*w:ascii="Noto Sans"[^>]*w:cs="Tahoma"/);
  });

  it('is written in a worker started from the TypeScript sources, as the command line starts it (docx loads with the first export)', async () => {
    const db = emptyDatabase();
    const { call, client, dossier } = await clientWithDossier(db, 'Nordic Supply AB', 'SE1');
    await write(call, dossier.sections[0], 'Written in a worker.');
    const out = join(tempDir(), 'worker.docx');
    const runTask = workerTaskRunner(join(__dirname, '..', '..', '..', 'electron', 'jobs', 'worker.ts'));
    const r = await runTask(db, 'dossiers.exportDocx', { clientId: client.id, path: out, facts: null }, quiet);
    expect(r.bytes).toBe(readFileSync(out).length);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Written in a worker.');
    expect(text).toContain(dossier.sections[0].title);
  });
});

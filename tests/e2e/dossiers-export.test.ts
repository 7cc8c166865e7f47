import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeDossier, WORDS_PER_PAGE } from '../../electron/features/dossiers/demo/large';
import { emptyDatabase, tempDir } from '../helpers/db';
import { launchChromium } from '../helpers/browser';
import { chromiumPrintToPdf } from '../helpers/pdf';
import { routerCalls } from '../helpers/router';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a 70-page dossier exported', () => {
  it('to PDF through Chromium\'s print engine: a title page, a table of contents linking every section, about 500 words a page', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    let asked = '';
    const { call } = routerCalls(db, {
      platform: {
        chooseSavePath: async (name: string) => ((asked = name), join(dir, name)),
        printToPdf: chromiumPrintToPdf(browser),
      },
    });
    const client = await call('clients.create', { name: 'Győri Építő Kft.', code: 'HU1' });
    await call('dossiers.create', { clientId: client.id });
    const dossier = await call('dossiers.get', { clientId: client.id });
    const docs = largeDossier(70, 'hu');
    let words = 0;
    for (const [i, s] of dossier.sections.entries()) words += (await call('dossiers.saveSection', { sectionId: s.id, baseRevision: 1, doc: docs[i] })).words;
    expect(words).toBeGreaterThan(34_000);

    const started = await call('dossiers.export', { clientId: client.id, format: 'pdf' });
    expect(asked).toMatch(/^Dossier Győri Építő Kft\. \d{4}-\d{2}-\d{2}\.pdf$/);
    await expect.poll(async () => (await call('jobs.status', { jobId: started.jobId })).state, { timeout: 30_000 }).toBe('done');
    const { result } = await call('jobs.status', { jobId: started.jobId });
    expect(result).toMatchObject({ task: 'dossierExport', format: 'pdf' });
    const pdf = readFileSync(result.path).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    // Title page and contents, then about one page per 500 words of text.
    expect(pages).toBeGreaterThanOrEqual(Math.round(words / WORDS_PER_PAGE * 0.85) + 2);
    expect(pages).toBeLessThanOrEqual(Math.round(words / WORDS_PER_PAGE * 1.3) + 2);
    // The table of contents: one link to each section (and its headings), landing on its anchor.
    for (let i = 0; i < dossier.sections.length; i++) expect(pdf, `section ${i}`).toMatch(new RegExp(`/Subtype /Link[\\s\\S]{0,120}/Dest /s${i}>>`));
    expect(existsSync(`${result.path}.partial`)).toBe(false);
  }, 60_000);

  it('to Word through the same call, with every section in it', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    const { call } = routerCalls(db, { platform: { chooseSavePath: async (name: string) => join(dir, name.replace(/\.docx$/, '.xlsx')) } });
    const client = await call('clients.create', { name: 'Bangkok Supply Co., Ltd.' });
    await call('dossiers.create', { clientId: client.id });
    const dossier = await call('dossiers.get', { clientId: client.id });
    const docs = largeDossier(70, 'th');
    for (const [i, s] of dossier.sections.entries()) await call('dossiers.saveSection', { sectionId: s.id, baseRevision: 1, doc: docs[i] });
    const started = await call('dossiers.export', { clientId: client.id, format: 'docx' });
    await expect.poll(async () => (await call('jobs.status', { jobId: started.jobId })).state, { timeout: 30_000 }).toBe('done');
    const { result } = await call('jobs.status', { jobId: started.jobId });
    // A save dialog that kept the spreadsheet filter still gets a .docx.
    expect(result.path.endsWith('.docx')).toBe(true);
    const text = (await mammoth.extractRawText({ path: result.path })).value;
    for (const s of dossier.sections) expect(text).toContain(s.title);
    expect(text).toContain('ลูกค้า');
    expect((await call('dossiers.export', { clientId: client.id + 1, format: 'docx' }).catch((e: Error) => e.message))).toMatch(/does not exist/);
  }, 60_000);

  it('says so when there is no print engine (the command line), and writes nothing', async () => {
    const db = emptyDatabase();
    const dir = tempDir();
    const { call } = routerCalls(db, { platform: { chooseSavePath: async (name: string) => join(dir, name) } });
    const client = await call('clients.create', { name: 'No engine' });
    await call('dossiers.create', { clientId: client.id });
    const started = await call('dossiers.export', { clientId: client.id, format: 'pdf' });
    await expect.poll(async () => (await call('jobs.status', { jobId: started.jobId })).state).toBe('failed');
    expect((await call('jobs.status', { jobId: started.jobId })).error.key).toBe('dossiers:errors.noPdfEngine');
  });
});

import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { dossiersContract } from '../../../shared/features/dossiers/contract';
import type { DossierJobOutcome } from '../../../shared/features/dossiers/types';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { HandlersOf } from '../../handler-types';
import type { JobControl } from '../../jobs/registry';
import { addSection, createDossier, getDossier, getTemplate, removeSection, renameSection, reorderSections, restoreSection, saveTemplate, sectionText } from './dossiers';
import { listDossiers } from './list';
import { exportModel, noDossier } from './export-model';
import { liveFacts } from './facts';
import { searchIndexer } from './indexer';
import { peopleOf, setInfluences, setPerson } from './people';
import { dossierRepo } from './repository';
import { search } from './search';
import { getRevision, keepConflictCopy, listRevisions, restoreRevision, saveSection, snapshot } from './sections';
import { exportFileName, exportPdfFile, factsForExport } from './exports';

export function dossiersHandlers(ctx: AppContext): HandlersOf<typeof dossiersContract> {
  const indexer = searchIndexer(ctx);
  // Only files the user picked in the dialog are read: a renderer asking for another path gets nothing.
  const picked = new Set<string>();
  return {
    'dossiers.list': (db) => listDossiers(db),
    'dossiers.get': (db, i) => getDossier(db, i.clientId),
    'dossiers.section': (db, i) => sectionText(db, i.sectionId),
    'dossiers.create': (db, i) => createDossier(db, i.clientId),
    'dossiers.saveSection': (db, i) => saveSection(db, i),
    'dossiers.keepCopy': (db, i) => keepConflictCopy(db, i),
    'dossiers.addSection': (db, i) => addSection(db, i),
    'dossiers.renameSection': (db, i) => renameSection(db, i),
    'dossiers.reorderSections': (db, i) => reorderSections(db, i),
    'dossiers.removeSection': (db, i) => removeSection(db, i.sectionId),
    'dossiers.restoreSection': (db, i) => restoreSection(db, i.sectionId),
    'dossiers.revisions': (db, i) => listRevisions(db, i.sectionId),
    'dossiers.revision': (db, i) => getRevision(db, i.id),
    'dossiers.snapshot': (db, i) => snapshot(db, i.sectionId),
    'dossiers.restoreRevision': (db, i) => restoreRevision(db, i),
    'dossiers.facts': (db, i) => liveFacts(db, i.clientId),
    'dossiers.people': (db, i) => peopleOf(db, i.clientId),
    'dossiers.setPerson': (db, i) => setPerson(db, i),
    'dossiers.setInfluences': (db, i) => setInfluences(db, i),
    'dossiers.template': (db) => getTemplate(db),
    'dossiers.saveTemplate': (db, i) => saveTemplate(db, i.sections),
    'dossiers.search': async (db, i) => {
      const indexing = await indexer.freshen(db);
      return { ...search(db, i), indexing };
    },
    'dossiers.pickDocx': async () => {
      const path = await ctx.platform.chooseImportFile();
      if (!path) return null;
      picked.add(path);
      return { path, name: basename(path), size: statSync(path).size };
    },
    'dossiers.importDocx': (db, i) => {
      if (!picked.has(i.path)) throw new AppError('forbidden', 'dossiers:errors.chooseFirst');
      if (!db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(i.clientId)) throw notFound('accounts:nouns.client', i.clientId);
      const run = async (ctl: JobControl): Promise<DossierJobOutcome> => ({
        task: 'dossierImport',
        result: await ctx.runTask(db, 'dossiers.importDocx', { clientId: i.clientId, path: i.path }, ctl),
      });
      return { jobId: ctx.jobs.start(run, 'import', ['dossiers', 'search']) };
    },
    'dossiers.export': async (db, i) => {
      if (!dossierRepo.byClient(db, i.clientId)) throw noDossier(db, i.clientId);
      const name = exportFileName(db, i.clientId, i.format);
      const chosen = await ctx.platform.chooseSavePath(name);
      if (!chosen) return null;
      const path = chosen.toLowerCase().endsWith(`.${i.format}`) ? chosen : `${chosen.replace(/\.xlsx$/i, '')}.${i.format}`;
      const run = async (ctl: JobControl): Promise<DossierJobOutcome> => {
        if (i.format === 'docx') {
          const r = await ctx.runTask(db, 'dossiers.exportDocx', { clientId: i.clientId, path, facts: factsForExport(db, i.clientId) }, ctl);
          return { task: 'dossierExport', path: r.path, bytes: r.bytes, format: 'docx' };
        }
        const r = await exportPdfFile(db, ctx.platform, i.clientId, path);
        return { task: 'dossierExport', path, bytes: r.bytes, format: 'pdf' };
      };
      // Read now, so a dossier that vanished fails the call rather than the job.
      exportModel(db, i.clientId);
      return { jobId: ctx.jobs.start(run, 'export') };
    },
  };
}

import type { Channel, Contract, OutputOf, ParsedInputOf } from '../shared/contract';
import type { Db } from './db/connection';
import { clientsRepo } from './db/repositories';
import { interactionsService, tasksService } from './services/activity';
import { addField, clientTypesService, createClientType, fieldsService, listClientTypes, updateField } from './services/client-types';
import { clientSummary, clientsService, listClientRows } from './services/clients';
import { contactsService } from './services/contacts';
import { generateDemo } from './services/demo/generate';
import { departmentsService, discountsService, managersService } from './services/organisation';
import { accountsReport, analyticsReport, getAnalyticsSettings, saveAnalyticsSettings } from './services/analytics/report';
import { whatIf } from './services/analytics/what-if';
import { analyticsWorkbook } from './services/analytics/workbook';
import { resolvePeriod } from './services/analytics/ranking';
import { purchasesService } from './services/purchases';
import { getLayout, getSettings, saveLayout, updateSettings } from './services/settings';
import { AppError, fieldError } from './services/errors';
import { activeClientNames } from './db/repositories/client-rows';
import { safeExternalUrl } from '../shared/domain/urls';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { JobOutcome, JobState, PickedFile } from '../shared/import/types';
import { runTaskHere, type TaskRunner } from './jobs/tasks';
import { jobRegistry, type JobRegistry } from './jobs/registry';
import { exportGridFile } from './services/export/grids';
import { listImports, saveMapping, savedMappings, undoPlan } from './services/import/service';
import { backupList, backupsToKeep, setBackupsToKeep, swapInRestored } from './services/backups';
import type { OpenOptions } from './db/connection';

/** Commands run inside a transaction, which cannot span an await: their handlers must be synchronous. */
export type Handlers = {
  [C in Channel]: Contract[C]['kind'] extends 'command'
    ? (db: Db, input: ParsedInputOf<C>) => OutputOf<C>
    : (db: Db, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
};

type Verb = 'list' | 'create' | 'update' | 'archive' | 'restore';
interface RecordHandlerSource {
  list: (db: Db, input: never) => unknown;
  create: (db: Db, input: never) => unknown;
  update: (db: Db, input: never) => unknown;
  archive: (db: Db, input: never) => unknown;
  restore: (db: Db, input: never) => unknown;
}

/** The five channels of a record type, served by its recordService; the contract types them. */
function recordHandlers<N extends string>(name: N, service: RecordHandlerSource) {
  const verbs: Verb[] = ['list', 'create', 'update', 'archive', 'restore'];
  return Object.fromEntries(verbs.map((v) => [`${name}.${v}`, service[v]])) as unknown as Pick<Handlers, Extract<`${N}.${Verb}`, Channel>>;
}

export interface AppContext {
  version: string;
  /** Opens a vetted http(s) address in the user's browser; the shell is Electron's, a fake in tests. */
  openExternal?: (url: string) => void;
  /** The system's open dialog for an import file; tests answer with a fixture path. */
  chooseImportFile?: () => Promise<string | null>;
  /** The system's save dialog for an export; tests answer with a temporary path. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** Where imports, backups and undo run: a worker thread in the app, this thread by default. */
  runTask?: TaskRunner;
  jobs?: JobRegistry;
  /** Make a verified backup before every import and undo (the app does; unit tests of other things need not). */
  backups?: boolean;
  /** The migrations a restored backup is brought up to, and how the database is reopened after. */
  migrationsFolder?: string;
  openOptions?: OpenOptions;
}

function pickedFile(path: string): PickedFile {
  return { path, name: basename(path), size: statSync(path).size };
}

/** One handler per contract channel; the compiler refuses a missing or extra one. */
export function createHandlers(ctx: AppContext): Handlers {
  const jobs = ctx.jobs ?? jobRegistry();
  const runTask = ctx.runTask ?? runTaskHere;
  const nativeBinding = ctx.openOptions?.nativeBinding;
  const backupFirst = (db: Db) => (ctx.backups ? { keep: backupsToKeep(db), nativeBinding } : null);
  const startBackup = (db: Db, reason: 'manual' | 'daily') =>
    jobs.start(async (ctl) => ({ task: 'backup' as const, backup: await runTask(db, 'backup.create', { reason, keep: backupsToKeep(db), nativeBinding }, ctl) }), 'backup');
  // Only files the user picked in the dialog can be read: a renderer that asks for any other path gets nothing.
  const picked = new Set<string>();
  return {
    'app.info': (db) => ({ version: ctx.version, dbPath: db.path, clientCount: clientsRepo.count(db), settings: getSettings(db) }),
    'app.loadDemo': (db, input) => {
      const summary = generateDemo(db, { seed: input.seed, clients: input.clients });
      updateSettings(db, { onboarded: true });
      return summary;
    },
    'app.startEmpty': (db) => updateSettings(db, { onboarded: true }),
    'app.openExternal': (_db, input) => {
      const url = safeExternalUrl(input.url);
      if (!url) throw fieldError('url', 'Only web addresses starting with http:// or https:// can be opened');
      ctx.openExternal?.(url);
      return null;
    },

    'settings.get': (db) => getSettings(db),
    'settings.update': (db, input) => updateSettings(db, input),
    'layouts.get': (db, input) => getLayout(db, input.key),
    'layouts.save': (db, input) => saveLayout(db, input.key, input.state),

    'clients.get': (db, input) => clientsService.get(db, input.id),
    'clients.summary': (db, input) => clientSummary(db, input),
    'clients.names': (db) => activeClientNames(db),
    ...recordHandlers('clients', clientsService),
    // The grid's rows with their computed figures, not the bare records.
    'clients.list': (db, input) => listClientRows(db, input),
    ...recordHandlers('contacts', contactsService),
    ...recordHandlers('purchases', purchasesService),
    ...recordHandlers('interactions', interactionsService),
    ...recordHandlers('tasks', tasksService),
    ...recordHandlers('managers', managersService),
    ...recordHandlers('departments', departmentsService),

    'clientTypes.list': (db, input) => listClientTypes(db, input.includeArchived),
    'clientTypes.create': (db, input) => createClientType(db, input),
    'clientTypes.update': clientTypesService.update,
    'clientTypes.archive': clientTypesService.archive,
    'clientTypes.restore': clientTypesService.restore,
    'clientTypes.addField': (db, input) => addField(db, input),
    'clientTypes.updateField': (db, input) => updateField(db, input),
    'clientTypes.archiveField': fieldsService.archive,

    ...recordHandlers('discounts', discountsService),
    'analytics.settings': (db) => getAnalyticsSettings(db),
    'analytics.saveSettings': (db, input) => saveAnalyticsSettings(db, input),
    'analytics.report': (db, input) => analyticsReport(db, input),
    'analytics.accounts': (db, input) => accountsReport(db, input),
    'analytics.whatIf': (db, input) => whatIf(db, input),
    'analytics.workbook': async (db, input) => {
      const bytes = await analyticsWorkbook(db, input.report, input.whatIfClientIds);
      return { fileName: `rapport-key-accounts-${resolvePeriod(input.report).to}.xlsx`, base64: Buffer.from(bytes).toString('base64') };
    },

    'imports.pickFile': async () => {
      const path = await ctx.chooseImportFile?.();
      if (!path) return null;
      picked.add(path);
      return pickedFile(path);
    },
    'imports.start': (db, input) => {
      if (!picked.has(input.spec.path)) throw new AppError('forbidden', 'Choose the file with "Choose file…" first.');
      const spec = input.spec;
      const run = async (ctl: Parameters<Parameters<JobRegistry['start']>[0]>[0]): Promise<JobOutcome> =>
        input.task === 'preview'
          ? { task: 'preview', preview: await runTask(db, 'import.preview', { spec }, ctl) }
          : { task: 'commit', result: (await runTask(db, 'import.commit', { spec, backup: backupFirst(db) }, ctl)).result };
      return { jobId: jobs.start(run, 'import') };
    },
    'imports.list': (db) => listImports(db),
    'imports.undoPlan': (db, input) => undoPlan(db, input.id),
    'imports.undo': (db, input) => {
      undoPlan(db, input.id); // refuses an unknown or already undone import now, not in the job
      return {
        jobId: jobs.start(async (ctl) => ({ task: 'undo' as const, ...(await runTask(db, 'import.undo', { importId: input.id, backup: backupFirst(db) }, ctl)) }), 'undo'),
      };
    },
    'imports.mappings': (db) => savedMappings(db),
    'imports.saveMapping': (db, input) => saveMapping(db, input),
    'backups.list': (db) => backupList(db),
    'backups.setKeep': (db, input) => (setBackupsToKeep(db, input.keep), backupList(db)),
    'backups.backUp': (db) => ({ jobId: startBackup(db, 'manual') }),
    'backups.restoreFrom': (db, input) => {
      const others = jobs.active();
      if (others.length) throw new AppError('conflict', 'Wait until the running work (an import, export or backup) has finished, then restore.');
      if (!ctx.migrationsFolder) throw new AppError('forbidden', 'Restoring is not available here.');
      const migrationsFolder = ctx.migrationsFolder;
      return {
        jobId: jobs.start(async (ctl) => {
          const prepared = await runTask(db, 'backup.prepareRestore', { name: input.name, migrationsFolder, nativeBinding }, ctl);
          const aside = await runTask(db, 'backup.create', { reason: 'before-restore', keep: backupsToKeep(db) + 1, nativeBinding }, ctl);
          swapInRestored(db, prepared.file, ctx.openOptions);
          return { task: 'restore' as const, restored: input.name, keptAside: aside.name };
        }, 'restore'),
      };
    },
    'exports.grid': async (db, input) => {
      const name = input.fileName.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
      const path = await ctx.chooseSavePath?.(name.toLowerCase().endsWith('.xlsx') ? name : `${name}.xlsx`);
      if (!path) return null;
      return { jobId: jobs.start(async (ctl) => ({ task: 'export' as const, ...(await exportGridFile(db, path, input, ctl)) }), 'export') };
    },
    'jobs.status': (_db, input) => jobs.status(input.jobId) as JobState<JobOutcome>,
    'jobs.cancel': (_db, input) => (jobs.cancel(input.jobId), null),
    'jobs.active': () => jobs.active(),
  };
}

import { z } from 'zod';
import * as s from '../domain/schemas';
import type {
  AppInfo, AppSettings, Client, ClientName, ClientRow, ClientType, ClientTypeField, Contact, DemoSummary,
  Department, Interaction, Manager, Purchase, SupplierDiscount, Task,
} from '../domain/types';
import { analyticsSettingsSchema, type AnalyticsSettings } from '../analytics/settings';
import { reportInput, whatIfInput, type AccountsReport, type AnalyticsReport, type WhatIfResult } from '../analytics/types';
import { command, query, type ChannelDef } from './define';
import { gridExport } from '../export/types';
import { importSpec, savedMapping, type ImportLogEntry, type JobOutcome, type JobState, type PickedFile, type SavedMapping, type UndoPlan } from '../import/types';
import type { ActiveJob } from '../jobs/types';
import type { BackupList } from '../backups';
import type { Result } from './result';

const byId = z.strictObject({ id: s.id });
const ofClient = z.strictObject({ clientId: s.id, includeArchived: z.boolean().default(false) });
const listAll = z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });
const empty = z.strictObject({}).strict().default({});
const done = command<{ id: number }>();
type Done<I extends z.ZodType> = ChannelDef<I, { id: number }>;

/** create/update/archive/restore: the writes every record type offers. */
function writes<N extends string, C extends z.ZodType, U extends z.ZodType>(name: N, create: C, update: U) {
  return {
    [`${name}.create`]: done(create),
    [`${name}.update`]: done(update),
    [`${name}.archive`]: done(byId),
    [`${name}.restore`]: done(byId),
  } as { [K in `${N}.create`]: Done<C> } & { [K in `${N}.update`]: Done<U> } & { [K in `${N}.archive` | `${N}.restore`]: Done<typeof byId> };
}

/** list plus the writes; R is the row type the list returns. */
const records =
  <R>() =>
  <N extends string, L extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(name: N, list: L, create: C, update: U) => ({
    ...({ [`${name}.list`]: query<R[]>()(list) } as { [K in `${N}.list`]: ChannelDef<L, R[]> }),
    ...writes(name, create, update),
  });

/** Every call the renderer can make. Main validates each input against its schema before any service runs. */
export const contract = {
  'app.info': query<AppInfo>()(empty),
  'app.loadDemo': command<DemoSummary>()(z.strictObject({ seed: z.number().int().default(42), clients: z.number().int().min(1).max(500).default(200) }).default({ seed: 42, clients: 200 })),
  'app.startEmpty': command<AppSettings>()(empty),
  'app.openExternal': query<null>()(z.strictObject({ url: z.string().max(2000) })),

  'settings.get': query<AppSettings>()(empty),
  'settings.update': command<AppSettings>()(s.settingsUpdate),
  'layouts.get': query<unknown>()(z.strictObject({ key: z.string().regex(/^[a-z0-9.-]{1,60}$/) })),
  'layouts.save': command<null>(false)(
    z.strictObject({
      key: z.string().regex(/^[a-z0-9.-]{1,60}$/),
      // A grid's column state is a few kilobytes; anything far bigger is not a layout.
      state: z.unknown().refine((v) => JSON.stringify(v ?? null).length <= 64 * 1024, 'A saved layout can be at most 64 KB'),
    }),
  ),

  'clients.list': query<ClientRow[]>()(z.strictObject({ includeArchived: z.boolean().default(false), asOf: s.isoDate.optional() }).default({ includeArchived: false })),
  'clients.get': query<Client>()(byId),
  'clients.summary': query<ClientRow>()(z.strictObject({ id: s.id, asOf: s.isoDate.optional() })),
  'clients.names': query<ClientName[]>()(empty),
  ...writes('clients', s.clientCreate, s.clientUpdate),
  ...records<Contact>()('contacts', ofClient, s.contactCreate, s.contactUpdate),
  ...records<Purchase>()('purchases', ofClient, s.purchaseCreate, s.purchaseUpdate),
  ...records<Interaction>()('interactions', ofClient, s.interactionCreate, s.interactionUpdate),
  ...records<Task>()('tasks', ofClient, s.taskCreate, s.taskUpdate),
  ...records<Manager>()('managers', listAll, s.managerCreate, s.managerUpdate),
  ...records<Department>()('departments', listAll, s.departmentCreate, s.departmentUpdate),

  'clientTypes.list': query<ClientType[]>()(listAll),
  'clientTypes.create': done(s.clientTypeCreate),
  'clientTypes.update': done(s.clientTypeUpdate),
  'clientTypes.archive': done(byId),
  'clientTypes.restore': done(byId),
  'clientTypes.addField': command<ClientTypeField>()(s.fieldCreate),
  'clientTypes.updateField': done(s.fieldUpdate),
  'clientTypes.archiveField': done(byId),

  ...records<SupplierDiscount>()('discounts', listAll, s.discountCreate, s.discountUpdate),
  'analytics.settings': query<AnalyticsSettings>()(empty),
  'analytics.saveSettings': command<AnalyticsSettings>()(analyticsSettingsSchema),
  'analytics.report': query<AnalyticsReport>()(reportInput),
  'analytics.accounts': query<AccountsReport>()(reportInput),
  'analytics.whatIf': query<WhatIfResult>()(whatIfInput),
  /** The report as an .xlsx workbook, base64; the renderer saves it as a download. */
  'analytics.workbook': query<{ fileName: string; base64: string }>()(
    z.strictObject({ report: reportInput, whatIfClientIds: z.array(s.id).max(500).default([]) }),
  ),

  /** Asks for a file to import (the system dialog); null when the user closes it. */
  'imports.pickFile': query<PickedFile | null>()(empty),
  /** Starts reading a file for the wizard's preview (writes nothing) or committing it; poll jobs.status. */
  'imports.start': query<{ jobId: string }>()(z.strictObject({ task: z.enum(['preview', 'commit']), spec: importSpec })),
  'imports.list': query<ImportLogEntry[]>()(empty),
  /** What undo would remove, put back and keep (records and fields changed since the import): shown before it runs. */
  'imports.undoPlan': query<UndoPlan>()(byId),
  /** Backs up, then undoes the import as a job; the plan it carried out comes with the result. */
  'imports.undo': query<{ jobId: string }>()(byId),
  'imports.mappings': query<SavedMapping[]>()(empty),
  'imports.saveMapping': command<SavedMapping[]>(false)(savedMapping),
  'backups.list': query<BackupList>()(empty),
  'backups.setKeep': command<BackupList>(false)(z.strictObject({ keep: z.number().int().min(1, 'Keep at least 1 backup').max(100, 'Keep at most 100 backups') })),
  /** A verified copy now, as a job. */
  'backups.backUp': query<{ jobId: string }>()(empty),
  /** Puts a backup in place of the database while the app stays open; the current file is backed up first. */
  'backups.restoreFrom': query<{ jobId: string }>()(z.strictObject({ name: z.string().regex(/^\d{6}-\d{8}T\d{6}Z-[a-z-]+\.db$/) })),
  /** Writes a grid as the user sees it to an .xlsx the user picks; null when the save dialog is closed. */
  'exports.grid': query<{ jobId: string } | null>()(gridExport),
  'jobs.status': query<JobState<JobOutcome>>()(z.strictObject({ jobId: z.uuid() })),
  'jobs.cancel': query<null>()(z.strictObject({ jobId: z.uuid() })),
  /** Work under way (an import started here or its backup), for the banner that says writes will wait. */
  'jobs.active': query<ActiveJob[]>()(empty),
} as const satisfies Record<string, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Exclude<Contract[C]['output'], undefined>;

export const CHANNELS = Object.keys(contract) as Channel[];

/** What the preload puts on `window.api`: exactly one function per channel. */
export type RapportApi = { [C in Channel]: (input?: InputOf<C>) => Promise<Result<OutputOf<C>>> };

/** Builds that object over any transport (Electron IPC in the app, a Playwright binding in tests). */
export function buildApi(invoke: (channel: Channel, input: unknown) => Promise<unknown>): RapportApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) api[channel] = (input?: unknown) => invoke(channel, input);
  return Object.freeze(api) as unknown as RapportApi;
}

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
import { importSpec, savedMapping, type ImportLogEntry, type JobOutcome, type JobState, type PickedFile, type SavedMapping, type UndoResult } from '../import/types';
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
  'layouts.save': query<null>()(z.strictObject({ key: z.string().regex(/^[a-z0-9.-]{1,60}$/), state: z.unknown() })),

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
  'imports.undo': command<UndoResult>()(byId),
  'imports.mappings': query<SavedMapping[]>()(empty),
  'imports.saveMapping': query<SavedMapping[]>()(savedMapping),
  /** Writes a grid as the user sees it to an .xlsx the user picks; null when the save dialog is closed. */
  'exports.grid': query<{ jobId: string } | null>()(gridExport),
  'jobs.status': query<JobState<JobOutcome>>()(z.strictObject({ jobId: z.uuid() })),
  'jobs.cancel': query<null>()(z.strictObject({ jobId: z.uuid() })),
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

import { z } from 'zod';
import { byId, command, empty, query } from '../../contract/define';
import { id, isoDate } from '../../kernel/schema-parts';
import {
  asOfInput, callListInput, campaignCreate, clientCadenceInput, clientInput, effectInput, logCallInput, membershipCreate, membershipUpdate,
  planVisitInput, programmeCreate, programmeUpdate, reminderActInput,
} from './schemas';
import { retentionSettingsSchema, type RetentionSettings } from './settings';
import type {
  CallContext, CallList, Campaign, CampaignResults, ClientRetention, DormancyOverview, FitInfo, GridValues, LoggedCall, Membership, Programme,
  ProgrammeEffect, Today,
} from './types';

/** Every dormancy figure is computed from these. */
const DORMANCY = ['clients', 'purchases', 'org', 'analyticsSettings', 'retentionSettings', 'retentionFit'] as const;
/** Today and the client's line also follow the people, the diary and the reminders' own state. */
const TODAY = [...DORMANCY, 'contacts', 'tasks', 'interactions', 'retentionSeen', 'retentionReminders', 'retentionVisits', 'retentionCampaigns', 'retentionCalls'] as const;
const CAMPAIGNS = [...DORMANCY, 'retentionCampaigns', 'retentionCalls'] as const;
const LOYALTY = ['clients', 'purchases', 'retentionLoyalty'] as const;

export const retentionContract = {
  'retention.settings': query<RetentionSettings>(['retentionSettings'])(empty),
  'retention.saveSettings': command<RetentionSettings>(['retentionSettings'])(retentionSettingsSchema),
  'retention.overview': query<DormancyOverview>(DORMANCY)(asOfInput),
  'retention.gridValues': query<GridValues>(DORMANCY)(asOfInput),
  'retention.client': query<ClientRetention>([...TODAY, 'retentionLoyalty'])(clientInput),
  /** Starts a BG/NBD fit in the worker unless one for the data as it is now exists; jobId null then. */
  'retention.fit': query<{ jobId: string | null; fit: FitInfo }>(DORMANCY, { jobInvalidates: ['retentionFit'] })(asOfInput),
  /** Opening a client's page: from now on its reminders fire (a client imported in bulk stays quiet until then). */
  'retention.markSeen': command<{ changed: boolean }>(['retentionSeen'])(z.strictObject({ clientId: id })),

  'retention.callList': query<CallList>(CAMPAIGNS)(callListInput),
  'retention.campaigns': query<Campaign[]>(CAMPAIGNS)(z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false })),
  'retention.createCampaign': command<{ id: number; members: number; control: number }>(['retentionCampaigns'])(campaignCreate),
  'retention.archiveCampaign': command<{ id: number }>(['retentionCampaigns'])(byId),
  'retention.callContext': query<CallContext>([...CAMPAIGNS, 'contacts', 'interactions'])(z.strictObject({ campaignId: id, clientId: id, asOf: isoDate.optional() })),
  'retention.logCall': command<LoggedCall>(['retentionCalls', 'interactions', 'tasks'])(logCallInput),
  'retention.campaignResults': query<CampaignResults>(CAMPAIGNS)(z.strictObject({ id, asOf: isoDate.optional() })),

  'retention.today': query<Today>(TODAY)(asOfInput),
  'retention.todayCount': query<number>(TODAY)(asOfInput),
  'retention.act': command<{ key: string }>(['retentionReminders', 'tasks', 'interactions', 'retentionVisits'])(reminderActInput),
  'retention.planVisit': command<{ id: number }>(['retentionVisits'])(planVisitInput),
  'retention.setCadence': command<{ clientId: number }>(['retentionVisits'])(clientCadenceInput),

  'retention.programmes': query<Programme[]>(LOYALTY)(empty),
  'retention.createProgramme': command<{ id: number }>(['retentionLoyalty'])(programmeCreate),
  'retention.updateProgramme': command<{ id: number }>(['retentionLoyalty'])(programmeUpdate),
  'retention.archiveProgramme': command<{ id: number }>(['retentionLoyalty'])(byId),
  'retention.memberships': query<Membership[]>(LOYALTY)(z.strictObject({ programmeId: id })),
  'retention.addMember': command<{ id: number }>(['retentionLoyalty'])(membershipCreate),
  'retention.updateMember': command<{ id: number }>(['retentionLoyalty'])(membershipUpdate),
  'retention.removeMember': command<{ id: number }>(['retentionLoyalty'])(byId),
  'retention.programmeEffect': query<ProgrammeEffect>([...LOYALTY, 'analyticsSettings'])(effectInput),
} as const;

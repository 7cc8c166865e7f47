import { z } from 'zod';
import { byId, command, empty, listAll, query } from '../../contract/define';
import { id, isoDate } from '../../kernel/schema-parts';
import * as s from './schemas';
import { recoverySettingsSchema, type RecoverySettings } from './settings';
import type {
  CandidatesResult, CaseRow, ClientRecovery, CorrectiveAction, LostReasonReport, ProspectsResult, Reason, RecoveryCase, ReferralsResult,
} from './types';

/** Cases, their offers, referrals and follow-up tasks. */
const CASES = ['recovery', 'recoveryReasons', 'recoverySettings', 'clients', 'purchases', 'tasks', 'contacts'] as const;
const done = command<{ id: number }>;

export const recoveryContract = {
  'recovery.settings': query<RecoverySettings>(['recoverySettings'])(empty),
  'recovery.saveSettings': command<RecoverySettings>(['recoverySettings'])(recoverySettingsSchema),

  'recovery.candidates': query<CandidatesResult>(['clients', 'purchases', 'org', 'analyticsSettings', 'recovery', 'recoverySettings'])(s.asOfInput),
  'recovery.cases': query<CaseRow[]>(CASES)(s.casesInput),
  'recovery.case': query<RecoveryCase>(CASES)(z.strictObject({ id, asOf: isoDate.optional() })),
  'recovery.clientStatus': query<ClientRecovery>(CASES)(z.strictObject({ clientId: id, asOf: isoDate.optional() })),

  'recovery.markLost': done(['recovery', 'clients'])(s.markLost),
  'recovery.saveMeeting': done(['recovery'])(s.saveMeeting),
  'recovery.saveInterview': done(['recovery'])(s.saveInterview),
  'recovery.addOffer': done(['recovery'])(s.offerCreate),
  'recovery.updateOffer': done(['recovery'])(s.offerUpdate),
  'recovery.archiveOffer': done(['recovery'])(byId),
  'recovery.close': done(['recovery', 'clients', 'tasks'])(s.closeCase),
  'recovery.addReferral': done(['recovery', 'clients'])(s.addReferral),
  /** Undoes an outcome (a slip): the case is open again and a won-back client is lost again; its tasks and referrals stay. */
  'recovery.reopen': done(['recovery', 'clients'])(byId),
  /** A case opened by mistake: archived, and the client gets back the status it had. */
  'recovery.archive': done(['recovery', 'clients'])(byId),
  'recovery.restore': done(['recovery', 'clients'])(byId),

  'recovery.reasons': query<Reason[]>(['recoveryReasons'])(listAll),
  'recovery.createReason': done(['recoveryReasons'])(s.reasonCreate),
  'recovery.updateReason': done(['recoveryReasons'])(s.reasonUpdate),
  'recovery.archiveReason': done(['recoveryReasons'])(byId),
  'recovery.restoreReason': done(['recoveryReasons'])(byId),

  'recovery.report': query<LostReasonReport>([...CASES, 'recoveryActions', 'org'])(s.reportInput),
  'recovery.actions': query<CorrectiveAction[]>(['recoveryActions', 'recovery'])(z.strictObject({ includeArchived: z.boolean().default(false), asOf: isoDate.optional() }).default({ includeArchived: false })),
  'recovery.createAction': done(['recoveryActions'])(s.actionCreate),
  'recovery.updateAction': done(['recoveryActions'])(s.actionUpdate),
  'recovery.archiveAction': done(['recoveryActions'])(byId),
  'recovery.restoreAction': done(['recoveryActions'])(byId),

  'recovery.referrals': query<ReferralsResult>(['clients', 'purchases', 'recovery'])(s.asOfInput),
  'recovery.prospects': query<ProspectsResult>(['clients', 'purchases', 'clientTypes', 'org', 'analyticsSettings'])(s.asOfInput),
  'recovery.createProspect': done(['clients'])(s.prospectCreate),
  /** The prospect becomes an active client; everything recorded on it stays. */
  'recovery.convertProspect': done(['clients'])(byId),

  /** The meeting brief as a self-contained HTML page (and its body for the preview). */
  'recovery.brief': query<{ document: string; body: string; style: string; fileName: string }>(CASES)(z.strictObject({ caseId: id, asOf: isoDate.optional() })),
  /** The brief printed by Chromium, base64; null where there is no print engine. */
  'recovery.briefPdf': query<{ fileName: string; base64: string; pages: number } | null>()(z.strictObject({ caseId: id, asOf: isoDate.optional() })),
} as const;

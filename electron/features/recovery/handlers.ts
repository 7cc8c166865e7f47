import type { recoveryContract } from '../../../shared/features/recovery/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';
import { createAction, listActions, setActionArchived, updateAction } from './actions';
import { meetingBrief, meetingBriefPdf } from './brief';
import { findCandidates } from './candidates';
import { getCase, listCases } from './case-rows';
import { addOffer, addReferral, archiveCase, archiveOffer, closeCase, markLost, reopenCase, restoreCase, saveInterview, saveMeeting, updateOffer } from './cases';
import { clientRecovery } from './client-recovery';
import { convertProspect, createProspect, listProspects } from './prospects';
import { createReason, listReasons, setReasonArchived, updateReason } from './reasons';
import { referralsReport } from './referrals';
import { recoveryReport } from './report';
import { getRecoverySettings, saveRecoverySettings } from './settings';

export function recoveryHandlers(ctx: AppContext): HandlersOf<typeof recoveryContract> {
  return {
    'recovery.settings': (db) => getRecoverySettings(db),
    'recovery.saveSettings': (db, input) => saveRecoverySettings(db, input),
    'recovery.candidates': (db, input) => findCandidates(db, input),
    'recovery.cases': (db, input) => listCases(db, input),
    'recovery.case': (db, input) => getCase(db, input.id, input.asOf),
    'recovery.clientStatus': (db, input) => clientRecovery(db, input.clientId, input.asOf),
    'recovery.markLost': (db, input) => markLost(db, input),
    'recovery.saveMeeting': (db, input) => saveMeeting(db, input),
    'recovery.saveInterview': (db, input) => saveInterview(db, input),
    'recovery.addOffer': (db, input) => addOffer(db, input),
    'recovery.updateOffer': (db, input) => updateOffer(db, input),
    'recovery.archiveOffer': (db, input) => archiveOffer(db, input.id),
    'recovery.close': (db, input) => closeCase(db, input),
    'recovery.addReferral': (db, input) => addReferral(db, input),
    'recovery.reopen': (db, input) => reopenCase(db, input.id),
    'recovery.archive': (db, input) => archiveCase(db, input.id),
    'recovery.restore': (db, input) => restoreCase(db, input.id),
    'recovery.reasons': (db, input) => listReasons(db, input.includeArchived),
    'recovery.createReason': (db, input) => createReason(db, input),
    'recovery.updateReason': (db, input) => updateReason(db, input),
    'recovery.archiveReason': (db, input) => setReasonArchived(db, input.id, true),
    'recovery.restoreReason': (db, input) => setReasonArchived(db, input.id, false),
    'recovery.report': (db, input) => recoveryReport(db, input),
    'recovery.actions': (db, input) => listActions(db, input),
    'recovery.createAction': (db, input) => createAction(db, input),
    'recovery.updateAction': (db, input) => updateAction(db, input),
    'recovery.archiveAction': (db, input) => setActionArchived(db, input.id, true),
    'recovery.restoreAction': (db, input) => setActionArchived(db, input.id, false),
    'recovery.referrals': (db, input) => referralsReport(db, input),
    'recovery.prospects': (db, input) => listProspects(db, input),
    'recovery.createProspect': (db, input) => createProspect(db, input),
    'recovery.convertProspect': (db, input) => convertProspect(db, input.id),
    'recovery.brief': (db, input) => meetingBrief(db, input.caseId, input.asOf),
    'recovery.briefPdf': (db, input) => meetingBriefPdf(db, ctx.platform, input.caseId, input.asOf),
  };
}

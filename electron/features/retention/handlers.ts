import type { retentionContract } from '../../../shared/features/retention/contract';
import type { AppContext } from '../../context';
import type { HandlersOf } from '../../handler-types';
import { act, planVisit, setCadence } from './actions';
import { callContext, logCall } from './calls';
import { archiveCampaign, callList, createCampaign, listCampaigns } from './campaigns';
import { clientRetention, markSeen } from './client';
import { fitJobs } from './fit-job';
import { addMember, archiveProgramme, createProgramme, listMemberships, listProgrammes, removeMember, updateMember, updateProgramme } from './loyalty';
import { programmeEffect } from './loyalty-effect';
import { campaignResults } from './results';
import { getRetentionSettings, saveRetentionSettings } from './settings';
import { SHOWN_PER_GROUP, today, todayCount, todayGatherer } from './today';
import { gridValues, overview } from './views';

export function retentionHandlers(ctx: AppContext): HandlersOf<typeof retentionContract> {
  const startFit = fitJobs(ctx);
  const gatherToday = todayGatherer(ctx);
  return {
    'retention.settings': (db) => getRetentionSettings(db),
    'retention.saveSettings': (db, input) => saveRetentionSettings(db, input),
    'retention.overview': (db, input) => overview(db, input.asOf),
    'retention.gridValues': (db, input) => gridValues(db, input.asOf),
    'retention.client': (db, input) => clientRetention(db, input.clientId, input.asOf),
    'retention.fit': (db, input) => startFit(db, input.asOf),
    'retention.markSeen': (db, input) => markSeen(db, input.clientId),
    'retention.callList': (db, input) => callList(db, input),
    'retention.campaigns': (db, input) => listCampaigns(db, input.includeArchived),
    'retention.createCampaign': (db, input) => createCampaign(db, input),
    'retention.archiveCampaign': (db, input) => archiveCampaign(db, input.id),
    'retention.callContext': (db, input) => callContext(db, input),
    'retention.logCall': (db, input) => logCall(db, input),
    'retention.campaignResults': (db, input) => campaignResults(db, input.id, input.asOf),
    'retention.today': (db, input) => today(db, input.asOf, SHOWN_PER_GROUP, gatherToday),
    'retention.todayCount': (db, input) => todayCount(db, input.asOf, gatherToday),
    'retention.act': (db, input) => act(db, input),
    'retention.planVisit': (db, input) => planVisit(db, input),
    'retention.setCadence': (db, input) => setCadence(db, input),
    'retention.programmes': (db) => listProgrammes(db),
    'retention.createProgramme': (db, input) => createProgramme(db, input),
    'retention.updateProgramme': (db, input) => updateProgramme(db, input),
    'retention.archiveProgramme': (db, input) => archiveProgramme(db, input.id),
    'retention.memberships': (db, input) => listMemberships(db, input.programmeId),
    'retention.addMember': (db, input) => addMember(db, input),
    'retention.updateMember': (db, input) => updateMember(db, input),
    'retention.removeMember': (db, input) => removeMember(db, input.id),
    'retention.programmeEffect': (db, input) => programmeEffect(db, input),
  };
}

import type { z } from 'zod';
import type { logCallInput } from '../../../shared/features/retention/schemas';
import type { CallContext, LoggedCall } from '../../../shared/features/retention/types';
import type { CallOutcome } from '../../../shared/features/retention/enums';
import { addDays } from '../../../shared/kernel/dates';
import type { Db } from '../../db/connection';
import { AppError, notFound } from '../../errors';
import { shippedLanguage, translate } from '../../i18n';
import { interactionsService, tasksService } from '../accounts';
import { getSettings } from '../settings';
import { armOf, getCampaign } from './campaigns';
import { contactsOf, lastPurchaseOf, notesOf } from './context';
import { slotFacts } from './dormancy';
import { dormancyState } from './views';

export function callContext(db: Db, input: { campaignId: number; clientId: number; asOf?: string }): CallContext {
  const campaign = getCampaign(db, input.campaignId);
  const client = db.sqlite.prepare(`SELECT id, name, code, phone FROM clients WHERE id = ?`).get(input.clientId) as CallContext['client'] | undefined;
  if (!client) throw notFound('accounts:nouns.client', input.clientId);
  const st = dormancyState(db, input.asOf);
  const c = st.s.clientSlot(client.id);
  const facts = c >= 0 ? slotFacts(st.base, st.model, c, st.settings) : null;
  return {
    client,
    campaign,
    lastPurchase: lastPurchaseOf(st.s, client.id, st.base.asOfDay),
    rhythmDays: facts?.rhythmDays ?? null,
    daysSince: facts?.daysSince ?? null,
    pAlive: facts?.pAlive ?? null,
    contacts: contactsOf(db, [client.id]).get(client.id) ?? [],
    notes: notesOf(db, [client.id]).get(client.id) ?? [],
    calls: db.sqlite.prepare(`SELECT date, outcome FROM retention_calls WHERE campaign_id = ? AND client_id = ? ORDER BY date DESC, id DESC`).all(campaign.id, client.id) as { date: string; outcome: CallOutcome }[],
  };
}

/** Texts main stores for the user (the interaction, the tasks) are written in the user's language. */
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Records a call: always an interaction (so the client's clock resets and
 * the diary shows it); a complaint becomes a task for the client's manager,
 * due the next day; a call-back becomes a task on the promised date.
 * Synchronous: it runs inside the command's transaction, all or nothing.
 */
export function logCall(db: Db, input: z.output<typeof logCallInput>): LoggedCall {
  const campaign = getCampaign(db, input.campaignId);
  if (campaign.archived) throw new AppError('conflict', 'retention:errors.campaignArchived');
  armOf(db, campaign.id, input.clientId);
  const lang = shippedLanguage(getSettings(db).language);
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const outcome = t(`retention:outcomes.${input.outcome}`);
  const manager = (db.sqlite.prepare(`SELECT m.name FROM clients c JOIN managers m ON m.id = c.manager_id WHERE c.id = ?`).get(input.clientId) as { name: string } | undefined)?.name ?? null;
  const details = [
    input.wellbeing && t('retention:logged.wellbeing', { text: input.wellbeing }),
    input.complaint && t('retention:logged.complaint', { text: input.complaint }),
    input.callbackDate && t('retention:logged.callback', { date: input.callbackDate }),
    input.notes,
  ].filter(Boolean).join('\n');
  const interaction = interactionsService.create(db, {
    clientId: input.clientId,
    contactId: input.contactId,
    kind: 'call',
    date: input.date,
    summary: cut(t('retention:logged.summary', { campaign: campaign.name, outcome }), 5000),
    outcome: details ? cut(details, 5000) : null,
  });
  const taskIds: number[] = [];
  let complaintTaskId: number | null = null;
  let callbackTaskId: number | null = null;
  if (input.outcome === 'complaint' && input.complaint) {
    complaintTaskId = tasksService.create(db, {
      clientId: input.clientId,
      contactId: input.contactId,
      title: cut(t('retention:logged.complaintTask', { text: input.complaint }), 300),
      dueDate: addDays(input.date, 1),
      doneAt: null,
      notes: cut([manager && t('retention:logged.owner', { name: manager }), input.complaint].filter(Boolean).join('\n'), 5000),
    }).id;
    taskIds.push(complaintTaskId);
  }
  if (input.callbackDate) {
    callbackTaskId = tasksService.create(db, {
      clientId: input.clientId,
      contactId: input.contactId,
      title: cut(t('retention:logged.callbackTask', { campaign: campaign.name }), 300),
      dueDate: input.callbackDate,
      doneAt: null,
      notes: cut([manager && t('retention:logged.owner', { name: manager }), campaign.news].filter(Boolean).join('\n'), 5000),
    }).id;
    taskIds.push(callbackTaskId);
  }
  const callId = Number(
    db.sqlite
      .prepare(`INSERT INTO retention_calls (campaign_id, client_id, contact_id, date, outcome, wellbeing, complaint, callback_date, interaction_id, complaint_task_id, callback_task_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(campaign.id, input.clientId, input.contactId, input.date, input.outcome, input.wellbeing, input.complaint, input.callbackDate, interaction.id, complaintTaskId, callbackTaskId).lastInsertRowid,
  );
  return { callId, interactionId: interaction.id, taskIds };
}

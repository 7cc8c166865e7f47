import { MEETING_KINDS, MEETING_STATUSES } from '../../../../shared/features/recovery/enums';
import { saveMeeting } from '../../../../shared/features/recovery/schemas';
import type { RecoveryCase } from '../../../../shared/features/recovery/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { choices } from './labels';
import { StepForm } from './StepForm';

/** Who asks whom, where (lunch on neutral ground, else a visit with a gift), when, and how it stands. */
export function MeetingStep({ c, readOnly }: { c: RecoveryCase; readOnly: boolean }) {
  const { t } = useT();
  return (
    <section className="settings-block" data-testid="step-meeting">
      <h2>{t('recovery:case.steps.meeting')}</h2>
      <p className="muted">{t('recovery:meeting.hint')}</p>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <StepForm
          autosave
          fields={[
            { name: 'askedBy', label: 'recovery:meeting.askedBy', kind: 'text' },
            { name: 'contactId', label: 'recovery:meeting.contact', kind: 'select', numeric: true, options: c.contacts.map((p) => ({ value: p.id, label: `${p.name} (${t(`accounts:level.${p.level as 'owner'}`)}${p.role ? `, ${p.role}` : ''})` })) },
            { name: 'meetingKind', label: 'recovery:meeting.kind', kind: 'select', options: choices(MEETING_KINDS, (v) => t(`recovery:meetingKind.${v}`)) },
            { name: 'place', label: 'recovery:meeting.place', kind: 'text' },
            { name: 'gift', label: 'recovery:meeting.gift', kind: 'text' },
            { name: 'proposedDate', label: 'recovery:meeting.proposedDate', kind: 'date' },
            { name: 'status', label: 'recovery:meeting.status', kind: 'select', allowEmpty: false, required: true, options: choices(MEETING_STATUSES, (v) => t(`recovery:meetingStatus.${v}`)) },
            { name: 'heldOn', label: 'recovery:meeting.heldOn', kind: 'date' },
          ]}
          visible={(name, s) => name !== 'heldOn' || s.status === 'held'}
          schema={saveMeeting}
          record={{ ...c.meeting, meetingKind: c.meeting.kind }}
          // Named apart from the offer dialog's "kind", which can be open on the same page.
          build={({ meetingKind, ...rest }) => ({ ...rest, kind: meetingKind })}
          fixed={{ caseId: c.id }}
          onSubmit={async (input) => void (await call('recovery.saveMeeting', input as never))}
          submitLabel={t('recovery:meeting.save')}
          testId="meeting-form"
        />
      </fieldset>
    </section>
  );
}

import { markLost } from '../../../../shared/features/recovery/schemas';
import type { CandidateReason } from '../../../../shared/features/recovery/enums';
import { toIsoDate } from '../../../../shared/kernel/dates';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/navigation';
import { useQuery } from '../../lib/useQuery';
import { reasonOptions } from './labels';
import { casePath } from './paths';

/** Date, who noticed, the first known reason: the case opens and the client is lost. */
export function MarkLostDialog({ clientId, name, proposedAs = null, onClose }: { clientId: number; name: string; proposedAs?: CandidateReason | null; onClose: () => void }) {
  const { t } = useT();
  const reasons = useQuery('recovery.reasons', { includeArchived: false });
  if (!reasons.data) return null;
  return (
    <Dialog title={t('recovery:markLost.title', { name })} onClose={onClose}>
      <RecordForm
        fields={[
          { name: 'lostOn', label: 'recovery:markLost.lostOn', kind: 'date', required: true },
          { name: 'noticedBy', label: 'recovery:markLost.noticedBy', kind: 'text' },
          { name: 'firstReasonId', label: 'recovery:markLost.firstReason', kind: 'select', options: reasonOptions(t, reasons.data), numeric: true },
          { name: 'firstReasonNote', label: 'recovery:markLost.firstReasonNote', kind: 'textarea' },
        ]}
        schema={markLost}
        record={{ lostOn: toIsoDate(new Date()) }}
        fixed={{ clientId, proposedAs }}
        onCancel={onClose}
        onSubmit={async (input) => {
          const { id } = await call('recovery.markLost', input as never);
          onClose();
          navigate(casePath(id));
        }}
      />
    </Dialog>
  );
}

import { useState } from 'react';
import { clientCreate, clientUpdate } from '../../../../shared/features/accounts/schemas';
import { profileIssues } from '../../../../shared/features/accounts/profile';
import type { ProfileValue } from '../../../../shared/features/accounts/types';
import type { Client } from '../../../../shared/features/accounts/types';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useSettings } from '../../lib/settings-context';
import { clientFields } from './clientFields';
import { draftToProfile, profileToDraft, ProfileFields, type ProfileDraft } from './ProfileFields';
import { useLookups } from './useLookups';
import { useT } from '../../lib/i18n';

interface Props {
  client?: Client;
  onClose: () => void;
  onSaved: (id: number) => void;
}

export function ClientFormDialog({ client, onClose, onSaved }: Props) {
  const { t } = useT();
  const { settings } = useSettings();
  const lookups = useLookups();
  const [drafts, setDrafts] = useState<Record<number, ProfileDraft>>({});
  if (!lookups.ready) return null;
  const fieldsOf = (typeId: number | null) => lookups.types.find((x) => x.id === typeId)?.fields ?? [];
  const draftOf = (typeId: number | null): ProfileDraft =>
    typeId === null ? {} : (drafts[typeId] ?? profileToDraft(fieldsOf(typeId), client?.typeId === typeId ? client.profile : {}, settings.locale));
  const typeOf = (state: { typeId?: string | boolean }) => (state.typeId ? Number(state.typeId) : null);
  const fields = clientFields(t, lookups, client?.id);

  return (
    <Dialog title={client ? t('accounts:client.edit') : t('accounts:clients.new')} onClose={onClose} wide>
      <RecordForm
        fields={fields}
        schema={client ? clientUpdate : clientCreate}
        record={(client ?? { status: "active" }) as Record<string, unknown>}
        fixed={client ? { id: client.id } : undefined}
        extra={(state) => {
          const typeId = typeOf(state);
          return { profile: typeId === null ? {} : draftToProfile(fieldsOf(typeId), draftOf(typeId), settings.locale) };
        }}
        // The portrait is checked against its type in the same round as the other fields.
        check={(input) => profileIssues(fieldsOf((input.typeId as number | null) ?? null), (input.profile ?? {}) as Record<string, ProfileValue>)}
        onCancel={onClose}
        onSubmit={async (input) => {
          const { id } = client ? await call('clients.update', input as never) : await call('clients.create', input as never);
          onSaved(id);
        }}
      >
        {(errors, state) => {
          const typeId = typeOf(state);
          return (
            <ProfileFields
              fields={fieldsOf(typeId)}
              draft={draftOf(typeId)}
              errors={errors}
              onChange={(key, value) => typeId !== null && setDrafts((d) => ({ ...d, [typeId]: { ...draftOf(typeId), [key]: value } }))}
            />
          );
        }}
      </RecordForm>
    </Dialog>
  );
}

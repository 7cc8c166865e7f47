import { useState } from 'react';
import type { Programme } from '../../../../shared/features/retention/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import { CampaignDialog } from './CampaignDialog';
import { CampaignsPanel } from './CampaignsPanel';
import { EffectPanel } from './EffectPanel';
import { MembersPanel } from './MembersPanel';
import { ProgrammeDialog } from './ProgrammeDialog';
import { ALL_CLIENTS, SegmentFilters, useSegmentText, type SegmentChoice } from './SegmentFilters';

/** Holdout tests (a campaign that keeps a control group) and loyalty programmes with their members and effect. */
export function LoyaltyPage() {
  const { t } = useT();
  const campaigns = useQuery('retention.campaigns', {});
  const programmes = useQuery('retention.programmes', {});
  const settings = useQuery('retention.settings', {});
  const [testing, setTesting] = useState(false);
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [segment, setSegment] = useState<SegmentChoice>(ALL_CLIENTS);
  const segmentText = useSegmentText(segment);
  const tests = (campaigns.data ?? []).filter((c) => c.holdoutShare > 0);
  const programme = programmes.data?.find((p) => p.id === picked) ?? null;
  return (
    <section className="page loyalty-page">
      <header className="page-header"><h1>{t('retention:loyalty.title')}</h1></header>
      <h2>{t('retention:loyalty.tests')}</h2>
      <p className="muted">{t('retention:loyalty.testsLead')}</p>
      <div className="toolbar filters" data-testid="test-segment">
        <SegmentFilters value={segment} onChange={setSegment} />
        <button type="button" onClick={() => setTesting(true)}>{t('retention:loyalty.newTest')}</button>
      </div>
      {tests.length === 0 ? <p className="muted">{t('retention:loyalty.noTests')}</p> : <CampaignsPanel campaigns={tests} title="" />}
      <h2>{t('retention:loyalty.programmes')}</h2>
      <div className="toolbar"><button type="button" onClick={() => setEditing('new')}>{t('retention:loyalty.newProgramme')}</button></div>
      {programmes.data?.length === 0 && <p className="muted">{t('retention:loyalty.noProgrammes')}</p>}
      <ul className="plain-list" data-testid="programmes">
        {programmes.data?.map((p) => (
          <li key={p.id} className={p.archived ? 'archived' : ''}>
            <strong>{p.name}</strong>{' '}
            <button type="button" aria-pressed={picked === p.id} onClick={() => setPicked(p.id)}>{t('retention:results.show')}</button>{' '}
            <span className="muted">{t(`retention:kinds.${p.kind}`)} · {t('retention:loyalty.members', { count: p.members })}</span>{' '}
            {!p.archived && <button type="button" onClick={() => setEditing(p)}>{t('retention:loyalty.edit')}</button>}{' '}
            {!p.archived && <button type="button" onClick={() => void call('retention.archiveProgramme', { id: p.id })}>{t('retention:loyalty.archive')}</button>}
          </li>
        ))}
      </ul>
      {programme && (
        <>
          <MembersPanel programme={programme} />
          <EffectPanel programmeId={programme.id} />
        </>
      )}
      {testing && settings.data && (
        <CampaignDialog
          test
          segment={segment}
          segmentText={segmentText}
          reactivationDays={settings.data.reactivationDays}
          onClose={() => setTesting(false)}
          onCreated={() => setTesting(false)}
        />
      )}
      {editing && <ProgrammeDialog programme={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

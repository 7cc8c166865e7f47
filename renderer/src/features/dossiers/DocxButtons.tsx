import { useState } from 'react';
import type { DossierJobOutcome } from '../../../../shared/features/dossiers/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { waitForJob } from '../../lib/jobs';

/** Import a Word file into this dossier, and export it to Word or PDF. */
export function DocxButtons({ clientId, beforeExport }: { clientId: number; beforeExport: () => Promise<void> }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const run = async (work: () => Promise<string | null>) => {
    setState({ busy: true });
    try {
      const message = await work();
      setState({ busy: false, message: message ?? undefined });
    } catch (err) {
      setState({ busy: false, message: (err as Error).message, error: true });
    }
  };
  const importDocx = () =>
    run(async () => {
      const file = await call('dossiers.pickDocx', {});
      if (!file) return null;
      setState({ busy: true, message: t('dossiers:import.working') });
      const { jobId } = await call('dossiers.importDocx', { clientId, path: file.path });
      const outcome = (await waitForJob(jobId, () => {})) as unknown as DossierJobOutcome;
      if (outcome.task !== 'dossierImport') return null;
      const r = outcome.result;
      const images = r.images.length ? ` ${t('dossiers:import.images', { count: r.images.length, alts: r.images.map((i) => i.alt ?? t('dossiers:import.noAlt')).join('; ') })}` : '';
      return `${t('dossiers:import.done', { count: r.sections.length, words: fmt.number(r.words, 0) })}${images}`;
    });
  const exportAs = (format: 'docx' | 'pdf') =>
    run(async () => {
      await beforeExport();
      const started = await call('dossiers.export', { clientId, format });
      if (!started) return null;
      setState({ busy: true, message: t('dossiers:export.working') });
      const outcome = (await waitForJob(started.jobId, () => {})) as unknown as DossierJobOutcome;
      return outcome.task === 'dossierExport' ? t('dossiers:export.done', { path: outcome.path }) : null;
    });
  return (
    <span className="toolbar">
      <button type="button" disabled={state.busy} onClick={() => void importDocx()}>{t('dossiers:import.button')}</button>
      <button type="button" disabled={state.busy} onClick={() => void exportAs('docx')}>{t('dossiers:export.docx')}</button>
      <button type="button" disabled={state.busy} onClick={() => void exportAs('pdf')}>{t('dossiers:export.pdf')}</button>
      {state.message && <span className={state.error ? 'form-error' : 'muted'} role="status" data-testid="dossier-file-status">{state.message}</span>}
    </span>
  );
}

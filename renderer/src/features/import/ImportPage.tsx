import { useRef, useState } from 'react';
import { ENCODINGS, type Encoding } from '../../../../shared/features/import/csv';
import type { ColumnFormat } from '../../../../shared/features/import/convert';
import { IMPORT_KINDS, type ImportKind } from '../../../../shared/features/import/fields';
import { cellText } from '../../../../shared/features/import/table';
import type { ImportPreview, ImportResult, ImportSpecInput, PickedFile } from '../../../../shared/features/import/types';
import { call } from '../../lib/api';
import { navigate } from '../../lib/navigation';
import { CLIENTS_PATH } from '../accounts';
import { ImportHistory } from './ImportHistory';
import { ImportSummaryView } from './ImportSummaryView';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { SavedMappings } from './SavedMappings';
import { SaveRejected } from './SaveRejected';
import { useImportJob } from './useImportJob';
import { useT } from '../../lib/i18n';
import { fieldName } from './labels';

type Choices = Omit<ImportSpecInput, 'path' | 'kind'>;

/** The import wizard: pick a file, check sheet, header and columns against a live preview, confirm. */
export function ImportPage() {
  const { t } = useT();
  const job = useImportJob();
  const [kind, setKind] = useState<ImportKind>('purchases');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [choices, setChoices] = useState<Choices>({ createClients: true, dropIdentical: false });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  /**
   * The user's latest choices, ahead of the preview while it reloads: a
   * second change made before the first one's preview is back builds on the
   * first, never on the older preview (which would undo it).
   */
  const latest = useRef<Choices>(choices);
  const refresh = async (f: PickedFile, k: ImportKind, c: Choices) => {
    latest.current = c;
    setChoices(c);
    const out = await job.run('preview', { path: f.path, kind: k, ...c });
    // Only the newest request's answer comes back (useImportJob drops the others); it is what was asked for, formats detected.
    if (out?.task === 'preview') {
      const settled = { ...latest.current, mapping: out.preview.mapping, formats: out.preview.formats, headerRow: out.preview.headerRow };
      latest.current = settled;
      setChoices(settled);
      setPreview(out.preview);
    }
  };
  const current = () => ({ mapping: latest.current.mapping ?? preview?.mapping ?? [], formats: latest.current.formats ?? preview?.formats ?? [], headerRow: latest.current.headerRow ?? preview?.headerRow });
  /** Sheet, header row or encoding change what the columns are: mapping and formats are guessed again. */
  const reshape = (patch: Choices) => file && void refresh(file, kind, { ...latest.current, mapping: undefined, formats: undefined, ...patch });
  /** A new mapping keeps the user's format choices for columns whose field did not change; the rest are detected again. */
  const remap = (mapping: (string | null)[]) => {
    const now = current();
    adjust({ mapping, formats: mapping.map((f, i) => (f === now.mapping[i] ? now.formats[i] ?? {} : {})) });
  };
  const adjust = (patch: Choices) => file && preview && void refresh(file, kind, { ...latest.current, ...current(), ...patch });

  const pick = async () => {
    const f = await call('imports.pickFile', {});
    if (!f) return;
    setFile(f);
    setPreview(null);
    setResult(null);
    await refresh(f, kind, { createClients: latest.current.createClients, dropIdentical: latest.current.dropIdentical });
  };
  const commit = async () => {
    if (!file || !preview) return;
    const out = await job.run('commit', { path: file.path, kind, ...latest.current, mapping: preview.mapping, formats: preview.formats, headerRow: preview.headerRow, sheet: preview.sheet ?? undefined });
    if (out?.task === 'commit') setResult(out.result);
  };
  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
  };

  const s = preview?.summary;
  const writable = s ? s.added + s.updated : 0;
  return (
    <section className="page import-page">
      <header className="page-header">
        <h1>{t('import:title')}</h1>
      </header>
      <p className="muted">{t('import:lead')}</p>
      {!result && (
        <div className="toolbar">
          <label>
            {t('import:kind')}{' '}
            <select value={kind} disabled={job.running} onChange={(e) => { setKind(e.target.value as ImportKind); setPreview(null); if (file) void refresh(file, e.target.value as ImportKind, { createClients: choices.createClients, dropIdentical: choices.dropIdentical }); }}>
              {IMPORT_KINDS.map((k) => <option key={k} value={k}>{t(`import:kinds.${k}`)}</option>)}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => void pick()} disabled={job.running}>{t('import:choose')}</button>
          {file && <span data-testid="import-file">{file.name}</span>}
        </div>
      )}
      {job.running && (
        <div className="job-progress" role="status" data-testid="import-progress">
          <progress max={job.progress?.total || 1} value={job.progress?.done ?? 0} />
          <span>{job.progress && job.progress.total ? t('import:progress', { phase: t(`import:phases.${job.progress.phase}`), done: job.progress.done, count: job.progress.total }) : t('import:reading')}</span>
          <button type="button" onClick={job.cancel}>{t('import:cancel')}</button>
        </div>
      )}
      {job.error && <p className="form-error" role="alert" data-testid="import-error">{job.error}</p>}
      {result && (
        <div className="import-result" data-testid="import-result">
          <p>{result.importId === null ? t('import:nothingWritten') : t('import:done', { id: result.importId, added: result.added, updated: result.updated, rejected: result.rejected })}</p>
          <ImportSummaryView s={result} />
          <button type="button" className="primary" onClick={() => navigate(CLIENTS_PATH)}>{t('import:openClients')}</button>
          <button type="button" onClick={restart}>{t('import:again')}</button>
        </div>
      )}
      {preview && !result && (
        <div className="import-wizard">
          <div className="toolbar">
            {preview.file.format === 'csv' && (
              <label>
                {t('import:encoding')}{' '}
                <select value={preview.file.encoding} onChange={(e) => reshape({ encoding: e.target.value as Encoding })} data-testid="encoding">
                  {ENCODINGS.map((e) => <option key={e} value={e}>{e}</option>)}
                </select>
              </label>
            )}
            {preview.file.format === 'csv' && <span className="muted">{t('import:delimiter')}: {preview.file.delimiter === '\t' ? t('import:delimiters.tab') : preview.file.delimiter === 'whitespace' ? t('import:delimiters.whitespace') : preview.file.delimiter}</span>}
            {preview.sheets.length > 0 && (
              <label>
                {t('import:sheet')}{' '}
                <select value={preview.sheet ?? ''} onChange={(e) => reshape({ sheet: e.target.value, headerRow: undefined })}>
                  {preview.sheets.map((n) => <option key={n} value={n}>{n}</option>)}
                </select>
              </label>
            )}
            <label>
              {t('import:headerRow')}{' '}
              <select value={preview.headerRow} onChange={(e) => reshape({ headerRow: Number(e.target.value) })} data-testid="header-row">
                <option value={-1}>{t('import:noHeader')}</option>
                {preview.head.slice(0, 20).map((r, i) => (
                  <option key={i} value={i}>{t('import:rowN', { n: i + 1, text: r.map((c) => cellText(c)).filter(Boolean).join(' | ').slice(0, 60) })}</option>
                ))}
              </select>
            </label>
          </div>
          {preview.file.guessedLegacy && <p className="warning" data-testid="legacy-warning">{t('import:legacyWarning', { encoding: preview.file.encoding })}</p>}
          <h2>{t('import:mapping')}</h2>
          <SavedMappings kind={kind} preview={preview} onApply={remap} />
          {preview.remembered && <p className="notice" data-testid="remembered-mapping">{t('import:remembered')}</p>}
          <MappingTable
            kind={kind}
            preview={preview}
            mapping={choices.mapping && choices.mapping.length === preview.headers.length ? choices.mapping : preview.mapping}
            formats={choices.formats && choices.formats.length === preview.headers.length ? choices.formats : preview.formats}
            onMapping={remap}
            onFormat={(column: number, format: ColumnFormat) => adjust({ formats: current().formats.map((f, i) => (i === column ? format : f)) })}
          />
          <div className="toolbar">
            {kind !== 'clients' && (
              <label className="toggle">
                <input type="checkbox" checked={choices.createClients} onChange={(e) => adjust({ createClients: e.target.checked })} />
                {t('import:createClients')}
              </label>
            )}
            {kind === 'purchases' && (
              <label className="toggle">
                <input type="checkbox" checked={choices.dropIdentical} onChange={(e) => adjust({ dropIdentical: e.target.checked })} />
                {t('import:dropIdentical')}
              </label>
            )}
          </div>
          {preview.missingFields.length > 0 && <p className="form-error" role="alert">{t('import:missing', { fields: preview.missingFields.map((f) => fieldName(t, kind, f)).join(', ') })}</p>}
          <ImportSummaryView s={preview.summary} />
          {preview.summary.rejected > 0 && preview.missingFields.length === 0 && file && (
            <SaveRejected spec={{ path: file.path, kind, ...latest.current, mapping: preview.mapping, formats: preview.formats, headerRow: preview.headerRow, sheet: preview.sheet ?? undefined }} />
          )}
          <h2>{t('import:preview', { count: preview.rows.length })}</h2>
          <PreviewTable preview={preview} />
          <div className="toolbar">
            <button type="button" className="primary" data-testid="import-confirm" disabled={job.running || writable === 0 || preview.missingFields.length > 0} onClick={() => void commit()}>
              {writable ? t('import:confirm', { count: writable }) : t('import:nothing')}
            </button>
            <button type="button" onClick={restart} disabled={job.running}>{t('common:cancel')}</button>
          </div>
        </div>
      )}
      <ImportHistory />
    </section>
  );
}

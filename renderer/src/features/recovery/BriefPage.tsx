import { useState } from 'react';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useQuery } from '../../lib/useQuery';
import { casePath } from './paths';

/** Hands the PDF main printed to the browser as a download (Electron shows its save dialog). */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The one-page brief for the lunch, as main renders it (the same markup the
 * PDF is printed from; every text in it is escaped by main), and the PDF.
 */
export function BriefPage({ id }: { id: number }) {
  const { t } = useT();
  const brief = useQuery('recovery.brief', { caseId: id });
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  const pdf = async () => {
    setState({ busy: true });
    try {
      const r = await call('recovery.briefPdf', { caseId: id });
      if (!r) return setState({ busy: false, message: t('recovery:brief.noEngine'), error: true });
      download(r.fileName, r.base64);
      setState({ busy: false });
    } catch (e) {
      setState({ busy: false, message: (e as Error).message, error: true });
    }
  };
  return (
    <section className="page">
      <header className="page-header">
        <div>
          <a href={href(casePath(id))} className="back">← {t('recovery:brief.back')}</a>
          <h1>{t('recovery:brief.open')}</h1>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => void pdf()} disabled={state.busy}>{t('recovery:brief.pdf')}</button>
          {state.message && <span className={state.error ? 'form-error' : 'muted'} role="status">{state.message}</span>}
        </div>
      </header>
      {brief.error && <p className="form-error" role="alert">{brief.error.message}</p>}
      {brief.data && (
        <div style={{ background: '#fff', border: '1px solid var(--line)', padding: '12mm', maxWidth: '210mm', boxShadow: '0 2px 10px rgba(0,0,0,.08)' }} data-testid="brief">
          <style>{brief.data.style}</style>
          <div dangerouslySetInnerHTML={{ __html: brief.data.body }} />
        </div>
      )}
    </section>
  );
}

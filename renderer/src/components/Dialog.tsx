import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useT } from '../lib/i18n';

interface DialogControl {
  /** A form inside reports whether it holds unsaved typing. */
  setDirty: (dirty: boolean) => void;
  /** Close, asking first if that would throw away typing. */
  requestClose: () => void;
}

const DialogContext = createContext<DialogControl | null>(null);
export const useDialog = () => useContext(DialogContext);

export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { t } = useT();
  const dirty = useRef(false);
  const requestClose = useCallback(() => {
    if (dirty.current && !window.confirm(t('common:discardChanges'))) return;
    onClose();
  }, [onClose, t]);
  const control = useMemo(() => ({ setDirty: (d: boolean) => void (dirty.current = d), requestClose }), [requestClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && requestClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestClose]);
  return (
    <div className="dialog-backdrop">
      <div className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title}>
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('common:close')} onClick={requestClose}>×</button>
        </header>
        <div className="dialog-body">
          <DialogContext.Provider value={control}>{children}</DialogContext.Provider>
        </div>
      </div>
    </div>
  );
}

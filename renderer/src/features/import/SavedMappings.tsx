import { useState } from 'react';
import type { ImportKind } from '../../../../shared/features/import/fields';
import type { ImportPreview } from '../../../../shared/features/import/types';
import { ApiError, call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { mappingKey } from '../../../../shared/features/import/messages';
import { IMPORT_FIELDS } from '../../../../shared/features/import/fields';
import { useT } from '../../lib/i18n';

/** Reuse last month's column choices: saved by header name, applied to any file with the same headers. */
export function SavedMappings({ kind, preview, onApply }: { kind: ImportKind; preview: ImportPreview; onApply: (mapping: (string | null)[]) => void }) {
  const { t } = useT();
  const saved = useQuery('imports.mappings', {});
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const mine = (saved.data ?? []).filter((m) => m.kind === kind);
  return (
    <div className="toolbar saved-mappings">
      {mine.length > 0 && (
        <select
          aria-label={t('import:savedMappings')}
          value=""
          onChange={(e) => {
            const m = mine.find((x) => x.name === e.target.value);
            // A field the file's kind no longer has (a portrait field removed since) leaves its column out.
            const known = new Set([...IMPORT_FIELDS[kind], ...preview.portraitFields].map((f) => f.key));
            const field = (k: string) => (m?.fields[k] && known.has(m.fields[k]) ? m.fields[k] : null);
            if (m) onApply(preview.headers.map((_, i) => field(mappingKey(preview.headers, i))));
          }}
        >
          <option value="">{t('import:applyMapping')}</option>
          {mine.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
        </select>
      )}
      <input aria-label={t('import:saveMappingAs')} placeholder={t('import:saveMappingAs')} value={name} onChange={(e) => setName(e.target.value)} />
      <button
        type="button"
        onClick={async () => {
          try {
            await call('imports.saveMapping', { name, kind, fields: Object.fromEntries(preview.headers.map((_, i) => [mappingKey(preview.headers, i), preview.mapping[i]])) });
            saved.reload();
            setMessage(t('import:mappingSaved'));
          } catch (err) {
            setMessage(err instanceof ApiError ? err.message : String(err));
          }
        }}
      >
        {t('import:saveMapping')}
      </button>
      {message && <span className="muted" role="status">{message}</span>}
    </div>
  );
}

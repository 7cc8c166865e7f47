import { href } from '../../lib/navigation';
import { useT } from '../../lib/i18n';
import { RECOVERY_PATHS, type RecoveryTab } from './paths';

/** The four screens of the section, one nav entry in the sidebar. */
export function RecoveryTabs({ active }: { active: RecoveryTab }) {
  const { t } = useT();
  return (
    <nav className="tabs" aria-label={t('recovery:nav')}>
      {(Object.keys(RECOVERY_PATHS) as RecoveryTab[]).map((tab) => (
        <a key={tab} href={href(RECOVERY_PATHS[tab])} className={active === tab ? 'active' : ''} aria-current={active === tab ? 'page' : undefined}
          style={{ padding: '8px 14px', textDecoration: 'none', borderBottom: active === tab ? '2px solid var(--accent)' : '2px solid transparent', fontWeight: active === tab ? 600 : 400 }}>
          {t(`recovery:tabs.${tab}`)}
        </a>
      ))}
    </nav>
  );
}

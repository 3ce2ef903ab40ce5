import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';

/** Logo mark and platform name, linking to the section's home. */
export function Brand({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <Link className="brand" to={to}>
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden focusable="false">
        <rect width="32" height="32" rx="6" fill="#ffffff" />
        <path d="M4 23c4-7 8-10 12-10s8 3 12 10z" fill="#0b3a75" />
        <path d="M4 26h24" stroke="#1f8ad6" strokeWidth="2" />
      </svg>
      <span className="brand-name">{t('app.shortName')}</span>
    </Link>
  );
}

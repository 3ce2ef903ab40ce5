import { useI18n } from '../i18n/i18n';

/** The first focusable element of every page: jumps past header and navigation to `#main`. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToMain')}
    </a>
  );
}

import { GlobalOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { api, type Locale } from '../api';
import { languages, useI18n } from '../i18n/i18n';
import { useSession } from '../session';

/** Switches the UI language; for a signed-in user the choice is also saved to the account. */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  const { user, setUser } = useSession();
  const { message } = App.useApp();

  const change = (next: Locale) => {
    setLocale(next);
    if (!user) return;
    api.updateMe({ locale: next }).then(
      (r) => setUser(r.user),
      () => void message.warning(t('lang.saveFailed')),
    );
  };

  return (
    <Select<Locale>
      className={className}
      aria-label={t('lang.label')}
      prefix={<GlobalOutlined aria-hidden />}
      value={locale}
      onChange={change}
      popupMatchSelectWidth={false}
      options={languages.map((l) => ({ value: l.locale, label: <span lang={l.htmlLang}>{l.nativeName}</span>, title: l.nativeName }))}
    />
  );
}

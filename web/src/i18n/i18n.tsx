import { ConfigProvider } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import antdEn from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdZhTW from 'antd/es/locale/zh_TW';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../api';
import { useTheme } from '../theme';
import en from './en.json';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';

export type MessageId = keyof typeof zhCN;
type Catalog = Record<MessageId, string>;
type Vars = Record<string, string | number>;

export interface LanguageOption {
  locale: Locale;
  /** The language's name in itself, so everyone can find their own. */
  nativeName: string;
  htmlLang: string;
  antd: AntdLocale;
  catalog: Catalog;
}

export const languages: LanguageOption[] = [
  { locale: 'zh-CN', nativeName: '简体中文', htmlLang: 'zh-Hans', antd: antdZhCN, catalog: zhCN },
  { locale: 'zh-TW', nativeName: '繁體中文', htmlLang: 'zh-Hant-TW', antd: antdZhTW, catalog: zhTW },
  { locale: 'en', nativeName: 'English', htmlLang: 'en', antd: antdEn, catalog: en },
];

const STORAGE_KEY = 'landao.locale';
const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return languages.some((l) => l.locale === value);
}

function languageOf(locale: Locale): LanguageOption {
  return languages.find((l) => l.locale === locale) ?? languages[0]!;
}

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface I18n {
  locale: Locale;
  /** Changes the UI language and remembers it in this browser. */
  setLocale(locale: Locale): void;
  t(id: MessageId, vars?: Vars): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const language = languageOf(locale);
  const theme = useTheme();

  useEffect(() => {
    document.documentElement.lang = language.htmlLang;
  }, [language]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (id, vars) => format(language.catalog[id], vars) }),
    [locale, setLocale, language],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={language.antd} theme={theme} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Sets the document title for the current page, e.g. "审计日志 · 岚岛数据服务平台". */
export function usePageTitle(id: MessageId): void {
  const { t } = useI18n();
  const title = `${t(id)} · ${t('app.shortName')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}

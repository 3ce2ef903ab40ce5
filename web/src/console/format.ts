import type { Locale, Org } from '../api';

export function orgName(org: Org, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.name;
}

export function formatTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

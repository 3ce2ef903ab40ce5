/** Pieces shared by the catalog and list editors' drawers. */
import { Form, Input } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Locale } from '../../../api';
import { useI18n } from '../../../i18n/i18n';

export const LOCALES: Locale[] = ['zh-CN', 'zh-TW', 'en'];

/** A server field inside an item (`names.en`, `detectorTypes[1]`, `headerKeywords.zhCN[0]`) as a form name path. */
export function namePathOf(field: string): string[] {
  return field
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s !== '');
}

/** The three inputs of a text in zh-CN, zh-TW and en, each labelled with its language. */
export function LocalizedInputs({ name, label, required = true, multiline = false }: { name: string; label: string; required?: boolean; multiline?: boolean }) {
  const { t } = useI18n();
  return (
    <fieldset className="customs-fieldset">
      <legend>{label}</legend>
      {LOCALES.map((l) => (
        <Form.Item key={l} name={[name, l]} label={t(`customs.reference.lang.${l}`)} rules={required ? [{ required: true, whitespace: true, message: t('customs.form.required') }] : []}>
          {multiline ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input />}
        </Form.Item>
      ))}
    </fieldset>
  );
}

/** A tags input for a list of words (type and press Enter, or separate by comma). */
export const TAG_SEPARATORS = [',', '，', '、', ';', '；'];

/** Data attributes for a table row (antd's onRow is typed with the standard HTML attributes only). */
export function rowData(attrs: Record<`data-${string}`, string>): HTMLAttributes<HTMLElement> {
  return attrs as unknown as HTMLAttributes<HTMLElement>;
}

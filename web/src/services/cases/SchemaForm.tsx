/**
 * An application form generated from a service item's JSON Schema (GOV.UK question-page style: one
 * labelled control per property, required marks, the error under its field with role=alert).
 * Labels come from `title` (zh-CN) and `x-title` {en, zh-TW}; enums are radios (≤ 5 choices) or a
 * select; `format: date` is a native date input; numbers and integers a numeric input. A prefilled
 * field shows where the government's data came from and is read-only only when the schema says so.
 */
import { Form, Input, Radio, Select, Space } from 'antd';
import { useI18n, type MessageId } from '../../i18n/i18n';
import type { PrefillProvenance } from './casesApi';
import { orderedProperties, propertyLabel, propertyType, type FieldErrors, type FieldProblem, type FormSchema, type FormValues } from './formSchema';

export { checkRequired, orderedProperties, propertyLabel, serverFieldErrors, toSubmission, toValues } from './formSchema';
export type { FieldErrors, FieldProblem, FormSchema, FormValues, SchemaProperty } from './formSchema';

const problemId = (p: FieldProblem) => `services.cases.error.${p}` as MessageId;

export const fieldId = (prefix: string, name: string) => `${prefix}-${name}`;

/** Moves the focus to the first field with an error (in the schema's order), after React has rendered it. */
export function focusFirstError(schema: FormSchema, errors: FieldErrors, prefix: string): void {
  const first = orderedProperties(schema).map(([n]) => n).find((n) => errors[n]);
  if (!first) return;
  setTimeout(() => {
    const el = document.getElementById(fieldId(prefix, first)) ?? document.querySelector<HTMLElement>(`[data-field="${first}"] input`);
    el?.focus();
  }, 0);
}

interface Props {
  schema: FormSchema;
  values: FormValues;
  onChange(name: string, value: string): void;
  errors: FieldErrors;
  /** Provenance of prefilled fields (the value is still the applicant's to check). */
  prefill?: Record<string, PrefillProvenance>;
  /** Element ids are `${idPrefix}-${name}`. */
  idPrefix: string;
  disabled?: boolean;
}

export function ProvenanceNote({ source }: { source: PrefillProvenance }) {
  const { t } = useI18n();
  return (
    <span className="cases-prefill-note">
      {t('services.cases.prefilled', { source: source.department ? `${source.department}（${source.dataset}）` : source.dataset, date: source.asOf ?? '—' })}
    </span>
  );
}

/** The fields of the schema, in its order. Wrap it in an antd <Form layout="vertical">. */
export function SchemaFields({ schema, values, onChange, errors, prefill = {}, idPrefix, disabled }: Props) {
  const { t, locale } = useI18n();
  const required = new Set(schema.required ?? []);
  return (
    <>
      {orderedProperties(schema).map(([name, p]) => {
        const id = fieldId(idPrefix, name);
        const label = propertyLabel(name, p, locale);
        const error = errors[name];
        const source = prefill[name];
        const errorId = `${id}-error`;
        const noteId = `${id}-note`;
        const describedBy = [source ? noteId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
        const readOnly = p.readOnly === true || disabled === true;
        const value = values[name] ?? '';
        const type = propertyType(p);
        const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required.has(name) || undefined, disabled: readOnly };
        let control;
        if (p.enum && p.enum.length <= 5) {
          control = (
            <Radio.Group value={value} onChange={(e) => onChange(name, String(e.target.value))} disabled={readOnly} aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
              <Space direction="vertical">
                {p.enum.map((v, i) => (
                  <Radio key={String(v)} value={String(v)} id={i === 0 ? id : undefined} className="cases-radio">
                    {String(v)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          );
        } else if (p.enum) {
          control = <Select {...common} value={value || undefined} onChange={(v: string) => onChange(name, v)} options={p.enum.map((v) => ({ value: String(v), label: String(v) }))} />;
        } else if (type === 'boolean') {
          control = (
            <Radio.Group value={value} onChange={(e) => onChange(name, String(e.target.value))} disabled={readOnly} aria-labelledby={`${id}-label`}>
              <Radio value="true" id={id} className="cases-radio">
                {t('services.cases.yes')}
              </Radio>
              <Radio value="false" className="cases-radio">
                {t('services.cases.no')}
              </Radio>
            </Radio.Group>
          );
        } else if (type === 'integer' || type === 'number') {
          control = <Input {...common} type="number" inputMode={type === 'integer' ? 'numeric' : 'decimal'} step={type === 'integer' ? 1 : 'any'} min={p.minimum} max={p.maximum} value={value} onChange={(e) => onChange(name, e.target.value)} />;
        } else if (p.format === 'date') {
          control = <Input {...common} type="date" value={value} onChange={(e) => onChange(name, e.target.value)} />;
        } else if (p.maxLength !== undefined && p.maxLength > 200) {
          control = <Input.TextArea {...common} value={value} maxLength={p.maxLength} autoSize={{ minRows: 3, maxRows: 8 }} onChange={(e) => onChange(name, e.target.value)} />;
        } else {
          control = (
            <Input
              {...common}
              type={p.format === 'email' ? 'email' : 'text'}
              inputMode={p.pattern?.startsWith('^1\\d') ? 'tel' : undefined}
              maxLength={p.maxLength}
              value={value}
              onChange={(e) => onChange(name, e.target.value)}
            />
          );
        }
        return (
          <div key={name} className="cases-field" data-field={name}>
            <Form.Item
              label={
                <span id={`${id}-label`}>
                  {label}
                  {required.has(name) ? <span className="cases-required"> {t('services.cases.requiredMark')}</span> : <span className="cases-optional"> {t('services.cases.optionalMark')}</span>}
                </span>
              }
              htmlFor={id}
              required={false}
              validateStatus={error ? 'error' : undefined}
              help={
                error ? (
                  <span id={errorId} role="alert">
                    {t(problemId(error.problem), error.vars)}
                  </span>
                ) : undefined
              }
              extra={source ? <span id={noteId}><ProvenanceNote source={source} /></span> : undefined}
            >
              {control}
            </Form.Item>
          </div>
        );
      })}
    </>
  );
}

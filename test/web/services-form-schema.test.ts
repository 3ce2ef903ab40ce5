import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formErrors } from '../../src/contexts/services/cases/form.ts';
import { checkRequired, orderedProperties, propertyLabel, serverFieldErrors, toSubmission, toValues, type FormSchema } from '../../web/src/services/cases/formSchema.ts';

interface ShippedItem {
  code: string;
  formSchema?: FormSchema & Record<string, unknown>;
}
const shipped = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'src', 'contexts', 'services', 'items', 'data', 'taiwan-items.json'), 'utf8')) as { items: ShippedItem[] };
// 台胞子女小学一年级入学申请: text, a pattern, a date, an integer with bounds, a prefilled field.
const schema = shipped.items.find((i) => i.code === 'TW-JY-001-01')!.formSchema!;

describe('the application form generated from an item schema', () => {
  it('asks the required questions first, in the order the schema lists them, then the optional ones', () => {
    const order = orderedProperties({ properties: { b: {}, a: {}, c: {} }, required: ['c', 'a'] }).map(([n]) => n);
    expect(order).toEqual(['c', 'a', 'b']);
    expect(orderedProperties(schema).slice(0, (schema.required ?? []).length).map(([n]) => n)).toEqual(schema.required);
  });

  it('labels a question in Simplified from title and in Traditional or English from x-title', () => {
    const p = { title: '手机号码', 'x-title': { en: 'Mobile number', 'zh-TW': '手機號碼' } };
    expect(propertyLabel('phone', p, 'zh-CN')).toBe('手机号码');
    expect(propertyLabel('phone', p, 'zh-TW')).toBe('手機號碼');
    expect(propertyLabel('phone', p, 'en')).toBe('Mobile number');
    expect(propertyLabel('phone', { title: '手机号码' }, 'en')).toBe('手机号码');
  });

  it('sends numbers as numbers and leaves out empty answers, and reads a stored form back as text', () => {
    const form = toSubmission(schema, { name: ' 陈美玲 ', grade: '1', school: '  ', childBirth: '2020-03-01' });
    expect(form).toEqual({ name: '陈美玲', grade: 1, childBirth: '2020-03-01' });
    expect(toValues({ grade: 1, name: '陈美玲', gone: null })).toEqual({ grade: '1', name: '陈美玲' });
  });

  it('marks every empty required question before anything is sent', () => {
    const errors = checkRequired(schema, { name: '陈美玲', phone: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['childBirth', 'childName', 'permit', 'phone']);
    expect(errors.phone).toEqual({ problem: 'required' });
  });

  it("puts each of the server's validation errors under its own question, with the bound it breaks", () => {
    const sent = toSubmission(schema, { name: '陈美玲', permit: '12345', phone: '0912345678', childName: '林小安', childBirth: '2020-13-45', grade: '13', extra: 'x' });
    const details = formErrors('TW-JY-001-01@test', schema, { ...sent, extra: 'x' }).map((e) => ({ ...e, field: `form.${e.field}` }));
    const { errors, unplaced } = serverFieldErrors(schema, details);
    expect(errors).toMatchObject({ permit: { problem: 'format' }, phone: { problem: 'format' }, childBirth: { problem: 'format' }, grade: { problem: 'maximum', vars: { max: 12 } } });
    // A field the form does not have cannot be shown under a question: it is reported as a whole.
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]).toMatch(/^form\.extra: /);
  });
});

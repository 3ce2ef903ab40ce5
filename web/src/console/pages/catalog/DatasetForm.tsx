import './catalog.css';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { catalogApi, FIELD_TYPES, OPENING_TYPES, PERIODICITIES, SHARING_TYPES, THEMES, type Dataset, type DatasetInput } from './catalogApi';
import { useEnumLabel } from './labels';

interface Props {
  open: boolean;
  /** The dataset to edit; a new one when absent. */
  dataset?: Dataset;
  onClose(): void;
  onSaved(d: Dataset): void;
}

type FormValues = DatasetInput & { note?: string };

const EMPTY: Partial<FormValues> = {
  keywords: [],
  accrualPeriodicity: 'monthly',
  sharingType: 'unconditional',
  openingType: 'closed',
  rejectPolicy: 'keep_good',
  theme: 'other',
  fields: [{ name: '', title: '', type: 'string', meaning: '' }],
  keyFields: [],
  distributions: [],
};

/** Registers a dataset or edits one (a new version), with its field schema. */
export function DatasetForm({ open, dataset, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const fieldNames = (Form.useWatch('fields', form) ?? []).map((f) => f?.name).filter((n): n is string => !!n);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(dataset ? { ...dataset.metadata } : EMPTY);
  }, [open, dataset, form]);

  const submit = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      const input: FormValues = { ...values, distributions: dataset?.metadata.distributions ?? [], keywords: values.keywords ?? [] };
      for (const k of ['titleEn', 'sharingBasis', 'license', 'note'] as const) if (!input[k]) delete input[k];
      input.fields = values.fields.map((f) => {
        const out = { ...f };
        if (!out.itemCode) delete out.itemCode;
        if (!out.detectorType) delete out.detectorType;
        if (!out.codeList?.length) delete out.codeList;
        return out;
      });
      onSaved(dataset ? await catalogApi.update(dataset.id, input) : await catalogApi.create(input));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: label(group, v) }));

  return (
    <Drawer open={open} onClose={onClose} width={860} title={dataset ? t('catalog.edit') : t('catalog.register')} destroyOnHidden>
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} aria-label={dataset ? t('catalog.edit') : t('catalog.register')}>
        <Form.Item name="identifier" label={t('catalog.identifier')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9_-]{1,63}$/, message: t('catalog.identifierRule') }]}>
          <Input disabled={!!dataset} />
        </Form.Item>
        <Form.Item name="title" label={t('catalog.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="titleEn" label={t('catalog.titleEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('catalog.description')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="theme" label={t('catalog.themeLabel')} rules={[{ required: true }]}>
            <Select className="filter-select" options={options('theme', THEMES)} />
          </Form.Item>
          <Form.Item name="accrualPeriodicity" label={t('catalog.periodicityLabel')} rules={[{ required: true }]}>
            <Select className="filter-select" options={options('periodicity', PERIODICITIES)} />
          </Form.Item>
          <Form.Item name="sharingType" label={t('catalog.sharingLabel')} rules={[{ required: true }]}>
            <Select className="filter-select" options={options('sharing', SHARING_TYPES)} />
          </Form.Item>
          <Form.Item name="openingType" label={t('catalog.openingLabel')} rules={[{ required: true }]}>
            <Select className="filter-select" options={options('opening', OPENING_TYPES)} />
          </Form.Item>
          <Form.Item name="rejectPolicy" label={t('catalog.rejectPolicyLabel')} rules={[{ required: true }]}>
            <Select className="filter-select" options={options('rejectPolicy', ['keep_good', 'reject_batch'])} />
          </Form.Item>
        </Space>
        <Form.Item name="sharingBasis" label={t('catalog.sharingBasis')}>
          <Input />
        </Form.Item>
        <Form.Item name="keywords" label={t('catalog.keywords')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="license" label={t('catalog.license')}>
          <Input />
        </Form.Item>
        <h2 className="section-title">{t('catalog.fields')}</h2>
        <Form.List name="fields">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <fieldset key={key} className="catalog-field-row">
                  <legend>{t('catalog.fieldN', { n: name + 1 })}</legend>
                  <Space wrap align="start">
                    <Form.Item name={[name, 'name']} label={t('catalog.field.name')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t('catalog.field.nameRule') }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[name, 'title']} label={t('catalog.field.title')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[name, 'type']} label={t('catalog.field.type')} rules={[{ required: true }]}>
                      <Select className="filter-select" options={FIELD_TYPES.map((v) => ({ value: v, label: label('fieldType', v) }))} />
                    </Form.Item>
                    <Form.Item name={[name, 'meaning']} label={t('catalog.field.meaning')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[name, 'itemCode']} label={t('catalog.field.itemCode')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[name, 'detectorType']} label={t('catalog.field.detectorType')}>
                      <Input placeholder="cn_resident_id" />
                    </Form.Item>
                    <Form.Item name={[name, 'codeList']} label={t('catalog.field.codeList')}>
                      <Select mode="tags" className="filter-select" />
                    </Form.Item>
                    <Form.Item name={[name, 'required']} valuePropName="checked" label={t('catalog.field.required')}>
                      <Checkbox />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('catalog.field.remove')} onClick={() => remove(name)} />
                  </Space>
                </fieldset>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ type: 'string' })}>
                {t('catalog.field.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="keyFields" label={t('catalog.keyFields')} rules={[{ required: true }]}>
          <Select mode="multiple" options={fieldNames.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
        {dataset && (
          <Form.Item name="note" label={t('catalog.versionNote')}>
            <Input />
          </Form.Item>
        )}
        {error !== null && <ErrorAlert error={error} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('catalog.save')}
          </Button>
          <Button onClick={onClose}>{t('catalog.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}

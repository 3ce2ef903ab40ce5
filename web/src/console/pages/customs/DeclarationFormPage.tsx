/**
 * The declaration form (出境申报表), for a new declaration and for editing a draft: every field of
 * src/contexts/customs/declarations/form.ts with its label and help text, the industry → scenario
 * cascade, full data or a sample (with the persons the whole transfer covers), and the file with an
 * upload progress bar. "Save and submit" creates (or saves), uploads and submits in one go.
 */
import { FileTextOutlined, InboxOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Progress, Radio, Select, Space, Switch, Typography, Upload } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { customsApi, EXEMPTIONS, IMPORTANT_DATA, UPLOAD_EXTENSIONS, type Declaration, type DeclarationForm } from '../../../customs/api';
import { COMMON_REGIONS, pick, regionName } from '../../../customs/format';
import { useLists } from '../../../customs/reference';
import { useIdempotencyKeys } from '../../../customs/idempotency';
import { formatBytes } from '../../scan/format';
import { useApi } from '../../useApi';
import { BASE } from './paths';

/** The antd form's values: the declaration form with the optional parts always present. */
interface Values {
  title: string;
  recipient: { name: string; country: string; address?: string };
  purpose: string;
  industry: DeclarationForm['industry'];
  scenario: string | null;
  dataDescription: string;
  fields: string[];
  securityMeasures: string;
  ciio: boolean;
  inFreeTradeZone: boolean;
  importantData: DeclarationForm['importantData'];
  coreData: boolean;
  exemption: DeclarationForm['exemption'];
  sourceKind: DeclarationForm['sourceKind'];
  expectedPersons: { personalSubjects: number | null; sensitiveSubjects: number | null };
  validityDays: number;
}

const DEFAULTS: Partial<Values> = {
  scenario: null,
  fields: [],
  ciio: false,
  inFreeTradeZone: true,
  importantData: 'none',
  coreData: false,
  exemption: null,
  sourceKind: 'full',
  expectedPersons: { personalSubjects: null, sensitiveSubjects: null },
  validityDays: 365,
};

function toValues(f: DeclarationForm): Values {
  return {
    ...f,
    recipient: { name: f.recipient.name, country: f.recipient.country, address: f.recipient.address ?? '' },
    expectedPersons: { personalSubjects: f.expectedPersons?.personalSubjects ?? null, sensitiveSubjects: f.expectedPersons?.sensitiveSubjects ?? null },
  };
}

function toForm(v: Values): DeclarationForm {
  const address = v.recipient.address?.trim();
  const form: DeclarationForm = {
    title: v.title,
    recipient: { name: v.recipient.name, country: v.recipient.country, ...(address ? { address } : {}) },
    purpose: v.purpose,
    industry: v.industry,
    scenario: v.scenario ?? null,
    dataDescription: v.dataDescription,
    fields: v.fields ?? [],
    securityMeasures: v.securityMeasures,
    ciio: v.ciio,
    inFreeTradeZone: v.inFreeTradeZone,
    importantData: v.importantData,
    coreData: v.coreData,
    exemption: v.exemption ?? null,
    sourceKind: v.sourceKind,
    validityDays: v.validityDays,
  };
  if (v.sourceKind === 'sample')
    form.expectedPersons = { personalSubjects: v.expectedPersons.personalSubjects ?? 0, sensitiveSubjects: v.expectedPersons.sensitiveSubjects ?? 0 };
  return form;
}

const extensionOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';

/** A server field path (recipient.country, expectedPersons.personalSubjects) as an antd name path. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

type Phase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'uploading'; fraction: number } | { kind: 'submitting' };

function FileChooser({ file, onChange, current }: { file: File | null; onChange(f: File | null): void; current: Declaration['source'] }) {
  const { t, locale } = useI18n();
  const [rejected, setRejected] = useState<string | null>(null);
  const size = file ? formatBytes(file.size, locale) : null;
  return (
    <>
      {current && !file && (
        <Typography.Paragraph className="customs-current-file">
          <FileTextOutlined aria-hidden /> {t('customs.form.currentFile', { name: current.filename })}
        </Typography.Paragraph>
      )}
      {file && size ? (
        <div className="customs-chosen" role="group" aria-label={t('customs.form.file')}>
          <FileTextOutlined aria-hidden /> <span className="customs-chosen-name">{file.name}</span>{' '}
          <Typography.Text type="secondary">
            {size.value} {size.unit}
          </Typography.Text>{' '}
          <Button size="small" onClick={() => onChange(null)}>
            {t('customs.form.removeFile')}
          </Button>
        </div>
      ) : (
        <Upload.Dragger
          accept={UPLOAD_EXTENSIONS.join(',')}
          multiple={false}
          showUploadList={false}
          aria-label={t('customs.form.file')}
          beforeUpload={(f) => {
            if ((UPLOAD_EXTENSIONS as readonly string[]).includes(extensionOf(f.name))) {
              onChange(f);
              setRejected(null);
            } else setRejected(t('customs.form.unsupportedFile', { name: f.name, types: UPLOAD_EXTENSIONS.join(' ') }));
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('customs.form.dropTitle')}</p>
          <p className="ant-upload-hint">{t('customs.form.dropHint', { types: UPLOAD_EXTENSIONS.join(' ') })}</p>
        </Upload.Dragger>
      )}
      {rejected && <Alert type="error" showIcon message={rejected} className="customs-block" />}
    </>
  );
}

function DeclarationEditor({ existing }: { existing: Declaration | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const lists = useLists();
  const [form] = Form.useForm<Values>();
  const industry = Form.useWatch('industry', form);
  const sourceKind = Form.useWatch('sourceKind', form);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [saved, setSaved] = useState<Declaration | null>(existing);
  const intent = useRef<'draft' | 'submit'>('submit');
  const keys = useIdempotencyKeys();
  const canSubmit = !existing || existing.allowedActions.includes('submit') || existing.allowedActions.includes('resubmit');

  const regionOptions = useMemo(() => COMMON_REGIONS.map((c) => ({ value: c, label: regionName(c, locale) })), [locale]);
  const scenarioOptions = (lists.data?.scenarios ?? []).filter((s) => s.industry === industry).map((s) => ({ value: s.id, label: pick(s.names, locale), title: pick(s.description, locale) }));

  const busy = phase.kind !== 'idle';

  const run = async (values: Values) => {
    setError(null);
    // Submitting needs the data: say so before anything is saved.
    setFileMissing(false);
    if (intent.current === 'submit' && !file && !saved?.source) {
      setFileMissing(true);
      return;
    }
    const body = toForm(values);
    let d = saved;
    try {
      setPhase({ kind: 'saving' });
      d = d ? await customsApi.edit(d.id, body) : await customsApi.create(body, keys.keyFor(['create', body]));
      setSaved(d);
      if (file) {
        setPhase({ kind: 'uploading', fraction: 0 });
        d = await customsApi.uploadFile(d.id, file, (fraction) => setPhase({ kind: 'uploading', fraction }), undefined, keys.keyFor(['file', d.id, file.name, file.size, file.lastModified]));
        setSaved(d);
        setFile(null);
      }
      if (intent.current === 'submit') {
        if (!d.source) throw new ApiError(400, 'validation_failed', t('customs.form.fileRequired'), { field: 'file' });
        setPhase({ kind: 'submitting' });
        const action = d.allowedActions.includes('resubmit') ? 'resubmit' : 'submit';
        d = await customsApi.act(d.id, action, {}, keys.keyFor([action, d.id, d.updatedAt]));
      }
      keys.done();
      navigate(`${BASE}/${d.id}`);
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(e);
      const field = e instanceof ApiError && typeof (e.details as { field?: unknown } | undefined)?.field === 'string' ? (e.details as { field: string }).field : null;
      if (field && field !== 'file') {
        const name = namePath(field) as Parameters<typeof form.scrollToField>[0];
        form.setFields([{ name, errors: [e instanceof Error ? e.message : String(e)] }]);
        form.scrollToField(name, { focus: true });
      }
    }
  };

  const help = (id: MessageId) => <span>{t(id)}</span>;
  const yesNo = [
    { value: false, label: t('customs.no') },
    { value: true, label: t('customs.yes') },
  ];

  return (
    <Card className="customs-card">
      <div className="page-head">
        <h1 className="page-title">{existing ? t('customs.form.editTitle', { no: existing.no }) : t('customs.form.newTitle')}</h1>
        <Link to={existing ? `${BASE}/${existing.id}` : BASE}>{t('customs.backToList')}</Link>
      </div>
      <Typography.Paragraph type="secondary">{t('customs.form.intro')}</Typography.Paragraph>
      {lists.error !== null && <ErrorAlert error={lists.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        className="customs-form"
        initialValues={existing ? toValues(existing.form) : DEFAULTS}
        onFinish={(v) => void run(v)}
        scrollToFirstError={{ focus: true }}
        disabled={busy}
        requiredMark
      >
        <fieldset className="customs-fieldset">
          <legend>{t('customs.form.sectionTransfer')}</legend>
          <Form.Item name="title" label={t('customs.field.title')} extra={help('customs.help.title')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['recipient', 'name']} label={t('customs.field.recipientName')} extra={help('customs.help.recipientName')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['recipient', 'country']}
            label={t('customs.field.recipientCountry')}
            extra={help('customs.help.recipientCountry')}
            rules={[
              { required: true, message: t('customs.form.required') },
              { pattern: /^[A-Z]{2}$/, message: t('customs.form.regionCode') },
              { validator: (_, v) => (v === 'CN' ? Promise.reject(new Error(t('customs.form.notMainland'))) : Promise.resolve()) },
            ]}
          >
            <Select showSearch optionFilterProp="label" options={regionOptions} placeholder={t('customs.form.regionPlaceholder')} />
          </Form.Item>
          <Form.Item name={['recipient', 'address']} label={t('customs.field.recipientAddress')} extra={help('customs.help.recipientAddress')} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="purpose" label={t('customs.field.purpose')} extra={help('customs.help.purpose')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }, { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="industry" label={t('customs.field.industry')} extra={help('customs.help.industry')} rules={[{ required: true, message: t('customs.form.required') }]}>
            <Select
              loading={!lists.data}
              options={lists.data?.industries.map((i) => ({ value: i.id, label: pick(i.names, locale) }))}
              onChange={() => form.setFieldValue('scenario', null)}
            />
          </Form.Item>
          <Form.Item name="scenario" label={t('customs.field.scenario')} extra={help('customs.help.scenario')}>
            <Select
              allowClear
              disabled={busy || !industry || scenarioOptions.length === 0}
              options={scenarioOptions}
              placeholder={t('customs.form.noScenario')}
              onClear={() => form.setFieldValue('scenario', null)}
            />
          </Form.Item>
        </fieldset>

        <fieldset className="customs-fieldset">
          <legend>{t('customs.form.sectionData')}</legend>
          <Form.Item name="dataDescription" label={t('customs.field.dataDescription')} extra={help('customs.help.dataDescription')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }, { max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="fields" label={t('customs.field.fields')} extra={help('customs.help.fields')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、', ';']} open={false} suffixIcon={null} placeholder={t('customs.form.fieldsPlaceholder')} />
          </Form.Item>
          <Form.Item name="securityMeasures" label={t('customs.field.securityMeasures')} extra={help('customs.help.securityMeasures')} rules={[{ required: true, whitespace: true, message: t('customs.form.required') }, { max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
          <Form.Item name="importantData" label={t('customs.field.importantData')} extra={help('customs.help.importantData')}>
            <Radio.Group options={IMPORTANT_DATA.map((v) => ({ value: v, label: t(`customs.importantData.${v}`) }))} aria-label={t('customs.field.importantData')} />
          </Form.Item>
          <Form.Item name="coreData" label={t('customs.field.coreData')} extra={help('customs.help.coreData')}>
            <Radio.Group options={yesNo} aria-label={t('customs.field.coreData')} />
          </Form.Item>
          <Form.Item name="exemption" label={t('customs.field.exemption')} extra={help('customs.help.exemption')}>
            <Select allowClear placeholder={t('customs.form.noExemption')} options={EXEMPTIONS.map((v) => ({ value: v, label: t(`customs.exemption.${v}`) }))} onClear={() => form.setFieldValue('exemption', null)} />
          </Form.Item>
        </fieldset>

        <fieldset className="customs-fieldset">
          <legend>{t('customs.form.sectionExporter')}</legend>
          <Form.Item name="inFreeTradeZone" label={t('customs.field.inFreeTradeZone')} extra={help('customs.help.inFreeTradeZone')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="ciio" label={t('customs.field.ciio')} extra={help('customs.help.ciio')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="validityDays" label={t('customs.field.validityDays')} extra={help('customs.help.validityDays')} rules={[{ required: true, message: t('customs.form.required') }]}>
            <InputNumber<number> min={1} max={1095} precision={0} addonAfter={t('customs.form.days')} />
          </Form.Item>
        </fieldset>

        <fieldset className="customs-fieldset">
          <legend>{t('customs.form.sectionUpload')}</legend>
          <Form.Item name="sourceKind" label={t('customs.field.sourceKind')} extra={help('customs.help.sourceKind')}>
            <Radio.Group
              aria-label={t('customs.field.sourceKind')}
              options={[
                { value: 'full', label: t('customs.sourceKind.full') },
                { value: 'sample', label: t('customs.sourceKind.sample') },
              ]}
            />
          </Form.Item>
          {sourceKind === 'sample' && (
            <Space wrap size="large" align="start">
              <Form.Item
                name={['expectedPersons', 'personalSubjects']}
                label={t('customs.field.expectedPersonal')}
                extra={help('customs.help.expectedPersonal')}
                rules={[{ required: true, message: t('customs.form.required') }]}
              >
                <InputNumber<number> min={0} precision={0} className="customs-number" />
              </Form.Item>
              <Form.Item
                name={['expectedPersons', 'sensitiveSubjects']}
                label={t('customs.field.expectedSensitive')}
                extra={help('customs.help.expectedSensitive')}
                rules={[{ required: true, message: t('customs.form.required') }]}
              >
                <InputNumber<number> min={0} precision={0} className="customs-number" />
              </Form.Item>
            </Space>
          )}
          <div className="customs-field-label">{t('customs.form.file')}</div>
          <FileChooser
            file={file}
            onChange={(f) => {
              setFile(f);
              if (f) setFileMissing(false);
            }}
            current={saved?.source ?? null}
          />
          {fileMissing && <Alert className="customs-block" type="error" showIcon message={t('customs.form.fileRequired')} />}
        </fieldset>

        {phase.kind === 'uploading' && (
          <div className="customs-progress" role="status">
            <Progress percent={Math.round(phase.fraction * 100)} status="active" aria-label={t('customs.form.uploadProgress')} />
            <span>{t('customs.form.uploading')}</span>
          </div>
        )}
        {phase.kind === 'saving' && <div role="status">{t('customs.form.saving')}</div>}
        {phase.kind === 'submitting' && <div role="status">{t('customs.form.submitting')}</div>}
        {error !== null && <ErrorAlert className="customs-block" error={error} />}
        {saved && !existing && error !== null && (
          <Alert className="customs-block" type="info" showIcon message={t('customs.form.savedAsDraft', { no: saved.no })} action={<Link to={`${BASE}/${saved.id}`}>{t('customs.form.openDraft')}</Link>} />
        )}

        <Space wrap className="customs-buttons">
          {canSubmit && (
            <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={busy && intent.current === 'submit'} onClick={() => (intent.current = 'submit')}>
              {t('customs.form.saveAndSubmit')}
            </Button>
          )}
          <Button htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={busy && intent.current === 'draft'} onClick={() => (intent.current = 'draft')}>
            {t('customs.form.saveDraft')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

/** /console/customs/declarations/new */
export function NewDeclarationPage() {
  usePageTitle('customs.form.newTitle');
  return <DeclarationEditor existing={null} />;
}

/** /console/customs/declarations/:id/edit */
export function EditDeclarationPage() {
  usePageTitle('customs.title');
  const { t } = useI18n();
  const id = Number(useParams().id);
  const d = useApi(() => customsApi.get(id), [id]);
  if (d.error !== null) return <ErrorAlert error={d.error} onRetry={d.reload} />;
  if (!d.data) return <PageSpinner />;
  if (!d.data.allowedActions.includes('edit')) return <Alert type="warning" showIcon message={t('customs.form.notEditable')} action={<Link to={`${BASE}/${id}`}>{t('customs.backToDetail')}</Link>} />;
  return <DeclarationEditor existing={d.data} />;
}

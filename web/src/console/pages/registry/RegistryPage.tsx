import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Timeline, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { registryApi, uploadFile, yuan, type Application, type Book, type RegistrationRow, type Right } from './registryApi';

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  awaiting_consent: 'orange',
  submitted: 'processing',
  returned: 'warning',
  formal_review: 'processing',
  substantive_review: 'processing',
  public_notice: 'purple',
  notice_suspended: 'red',
  notice_ended: 'cyan',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  valid: 'success',
  pledged: 'gold',
  suspended: 'red',
  cancelled: 'default',
  expired: 'default',
};
const APPLICANT = new Set(['submit', 'supplement', 'withdraw']);
const PLEDGEE = new Set(['consent', 'refuse_consent']);
const NEEDS_REASON = new Set(['reject', 'refuse_consent']);

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{t(`registry.status.${status}` as MessageId)}</Tag>;
}

function NewApplication({ onCreated }: { onCreated: (a: Application) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const rights: Right[] = ['hold', 'use', 'operate'];
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const claimed = (v.rights as Right[] | undefined) ?? [];
      const created = await registryApi.create({
        type: 'first',
        book: v.book,
        subjectType: v.subjectType,
        sourceKind: v.sourceKind,
        data: {
          name: v.name,
          description: v.description || undefined,
          source: v.source || undefined,
          acquisitionProof: v.acquisitionProof || undefined,
          fields: String(v.fields ?? '')
            .split(/[,，\n]/)
            .map((f) => f.trim())
            .filter(Boolean)
            .map((name) => ({ name })),
          scale: v.records ? { records: v.records } : undefined,
          updateFrequency: v.updateFrequency || undefined,
          storageLocation: v.storageLocation || undefined,
          processingRules: v.processingRules || undefined,
        },
        rights: claimed.map((r) => ({ right: r, evidence: String(v[`evidence_${r}`] ?? '') })),
        dataSm3: v.dataSm3 || undefined,
      });
      setOpen(false);
      form.resetFields();
      onCreated(created);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('registry.new')}
      </Button>
      <Drawer title={t('registry.new')} open={open} onClose={() => setOpen(false)} width={640} destroyOnHidden>
        {error !== null && <ErrorAlert error={error} className="form-alert" />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v as Record<string, unknown>)} initialValues={{ book: 'resource', subjectType: 'enterprise', sourceKind: 'self_collected', rights: ['hold'] }}>
          <Form.Item name="book" label={t('registry.book')} rules={[{ required: true }]}>
            <Select options={(['resource', 'product', 'asset'] as Book[]).map((b) => ({ value: b, label: t(`registry.book.${b}` as MessageId) }))} />
          </Form.Item>
          <Form.Item name="subjectType" label={t('registry.subjectType')}>
            <Select options={['enterprise', 'institution', 'government', 'person', 'other'].map((s) => ({ value: s, label: t(`registry.subject.${s}` as MessageId) }))} />
          </Form.Item>
          <Form.Item name="sourceKind" label={t('registry.sourceKind')}>
            <Select options={['self_collected', 'licensed', 'purchased', 'public_authorised', 'other'].map((s) => ({ value: s, label: t(`registry.source.${s}` as MessageId) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('registry.dataName')} rules={[{ required: true, message: t('registry.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('registry.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="source" label={t('registry.source')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="acquisitionProof" label={t('registry.acquisitionProof')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="fields" label={t('registry.fields')}>
            <Input placeholder="timestamp, device_id, lux" />
          </Form.Item>
          <Form.Item name="records" label={t('registry.records')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="updateFrequency" label={t('registry.updateFrequency')}>
            <Input />
          </Form.Item>
          <Form.Item name="storageLocation" label={t('registry.storageLocation')}>
            <Input />
          </Form.Item>
          <Form.Item name="processingRules" label={t('registry.processingRules')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="rights" label={t('registry.rights')} rules={[{ required: true, message: t('registry.required') }]}>
            <Checkbox.Group options={rights.map((r) => ({ value: r, label: t(`registry.right.${r}` as MessageId) }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              ((form.getFieldValue('rights') as Right[] | undefined) ?? []).map((r) => (
                <Form.Item key={r} name={`evidence_${r}`} label={t('registry.evidenceFor', { right: t(`registry.right.${r}` as MessageId) })} rules={[{ required: true, message: t('registry.required') }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              ))
            }
          </Form.Item>
          <Form.Item name="dataSm3" label={t('registry.dataSm3')} extra={t('registry.dataSm3Help')} rules={[{ pattern: /^[0-9a-f]{64}$/, message: t('registry.sm3Invalid') }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('registry.create')}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}

function ApplicationDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const detail = useApi(() => registryApi.application(id), [id]);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState('');
  const a = detail.data?.application;
  const act = async (action: string, extra: Record<string, unknown> = {}) => {
    setError(null);
    try {
      await registryApi.act(id, { action, ...extra });
      detail.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const upload = async (path: string, file: File) => {
    setError(null);
    try {
      await uploadFile(path, file);
      detail.reload();
    } catch (e) {
      setError(e);
    }
    return false;
  };
  const mine = (action: string) => (APPLICANT.has(action) ? can('registry:apply') : PLEDGEE.has(action) ? can('registry:pledge') : can('registry:review'));
  const editable = a && (a.status === 'draft' || a.status === 'returned') && can('registry:apply');
  return (
    <Drawer title={a ? `${t('registry.application')} ${a.id} · ${a.data.name}` : t('common.loading')} open onClose={onClose} width={720}>
      {detail.error !== null && <ErrorAlert error={detail.error} onRetry={detail.reload} />}
      {error !== null && <ErrorAlert error={error} className="form-alert" />}
      {a && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('registry.statusLabel')}>
              <StatusTag status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.type')}>{t(`registry.type.${a.type}` as MessageId)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.book')}>{t(`registry.book.${a.book}` as MessageId)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.holder')}>{a.holder.name}</Descriptions.Item>
            {a.registrationNo && <Descriptions.Item label={t('registry.registrationNo')}>{a.registrationNo}</Descriptions.Item>}
            <Descriptions.Item label={t('registry.dataSm3')}>
              <Typography.Text code>{a.dataSm3 ?? t('common.none')}</Typography.Text>
            </Descriptions.Item>
            {a.acceptanceDue && <Descriptions.Item label={t('registry.acceptanceDue')}>{a.acceptanceDue}{a.acceptanceOverdue && <Tag color="red">{t('registry.overdue')}</Tag>}</Descriptions.Item>}
            {a.notice && <Descriptions.Item label={t('registry.notice')}>{`${a.notice.start} – ${a.notice.end ?? ''}`}</Descriptions.Item>}
            <Descriptions.Item label={t('registry.rights')}>{(a.data.rights ?? []).map((r) => `${t(`registry.right.${r.right}` as MessageId)}：${r.evidence}`).join('；')}</Descriptions.Item>
          </Descriptions>
          {a.flags.duplicateOf && <Alert type="warning" showIcon message={t('registry.flag.duplicate', { list: [...a.flags.duplicateOf.applications.map((x) => `#${x}`), ...a.flags.duplicateOf.registrations].join(', ') })} />}
          {a.flags.personalInformationInAsset && <Alert type="error" showIcon message={t('registry.flag.personalInAsset')} />}
          {a.sample && (
            <Alert
              type={a.sample.personalInformation ? 'warning' : 'success'}
              message={t('registry.sampleLabels', { file: a.sample.filename, rows: a.sample.rowsScanned })}
              description={a.sample.columns.length ? a.sample.columns.map((c) => `${c.name}: ${c.types.map((x) => x.type).join('/')}`).join('；') : t('registry.noPersonalInfo')}
            />
          )}
          {a.missing.length > 0 && <Alert type="warning" showIcon message={t('registry.missingNotice')} description={a.missing.join('、')} />}
          {editable && (
            <Space wrap>
              <Upload beforeUpload={(f) => upload(`/api/registry/applications/${id}/data`, f)} showUploadList={false}>
                <Button>{t('registry.uploadData')}</Button>
              </Upload>
              <Upload beforeUpload={(f) => upload(`/api/registry/applications/${id}/sample`, f)} showUploadList={false} accept=".csv,.tsv,.xlsx,.json,.ndjson,.parquet">
                <Button>{t('registry.uploadSample')}</Button>
              </Upload>
              <Upload beforeUpload={(f) => upload(`/api/registry/applications/${id}/attachments?kind=acquisition_proof`, f)} showUploadList={false}>
                <Button>{t('registry.uploadProof')}</Button>
              </Upload>
            </Space>
          )}
          {a.status === 'substantive_review' && can('registry:review') && (
            <Upload beforeUpload={(f) => upload(`/api/registry/applications/${id}/attachments?kind=third_party_report`, f)} showUploadList={false}>
              <Button>{t('registry.uploadReport')}</Button>
            </Upload>
          )}
          {a.allowedActions.some(mine) && (
            <Card size="small" title={t('registry.actions')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {a.allowedActions.includes('request_supplement') && can('registry:review') && (
                  <Input.TextArea
                    aria-label={t('registry.missingItems')}
                    placeholder={`${t('registry.missingItems')}: ${detail.data!.missingItems.join('、')}`}
                    value={missing}
                    onChange={(e) => setMissing(e.target.value)}
                    rows={2}
                  />
                )}
                {a.allowedActions.some((x) => NEEDS_REASON.has(x) && mine(x)) && (
                  <Input aria-label={t('registry.reason')} placeholder={t('registry.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
                )}
                <Space wrap>
                  {a.allowedActions
                    .filter((x) => mine(x) && x !== 'object' && x !== 'resolve_objection')
                    .map((x) => (
                      <Button
                        key={x}
                        danger={x === 'reject' || x === 'withdraw' || x === 'refuse_consent'}
                        type={x === 'reject' || x === 'withdraw' ? 'default' : 'primary'}
                        onClick={() =>
                          void act(x, {
                            ...(NEEDS_REASON.has(x) ? { reason } : {}),
                            ...(x === 'request_supplement' && missing.trim() ? { missing: missing.split(/[、,，\n]/).map((m) => m.trim()).filter(Boolean) } : {}),
                          })
                        }
                      >
                        {t(`registry.action.${x}` as MessageId)}
                      </Button>
                    ))}
                </Space>
              </Space>
            </Card>
          )}
          {detail.data!.objections.length > 0 && (
            <Card size="small" title={t('registry.objections')}>
              {detail.data!.objections.map((o) => (
                <div key={o.id}>
                  <Typography.Paragraph>
                    {o.objectorName}：{o.reason} {o.outcome && <Tag>{t(`registry.outcome.${o.outcome}` as MessageId)}</Tag>}
                  </Typography.Paragraph>
                  {!o.outcome && can('registry:review') && (
                    <Space>
                      <Button onClick={() => void act('resolve_objection', { objectionId: o.id, outcome: 'dismissed', reason: reason || t('registry.outcome.dismissed') })}>{t('registry.outcome.dismiss')}</Button>
                      <Button danger onClick={() => void act('resolve_objection', { objectionId: o.id, outcome: 'upheld', reason: reason || t('registry.outcome.upheld') })}>
                        {t('registry.outcome.uphold')}
                      </Button>
                    </Space>
                  )}
                </div>
              ))}
            </Card>
          )}
          {a.registrationNo && a.status === 'approved' && <RegistrationCertificates no={a.registrationNo} />}
          <Card size="small" title={t('registry.history')}>
            <Timeline
              items={detail.data!.actions.map((x) => ({
                children: `${formatTime(x.at, locale)} · ${t(`registry.action.${x.action}` as MessageId)}${x.logIndex !== null ? ` · ${t('registry.logIndex')} ${x.logIndex}` : ''}`,
              }))}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

function RegistrationCertificates({ no }: { no: string }) {
  const { t } = useI18n();
  const reg = useApi(() => registryApi.registration(no), [no]);
  const current = reg.data?.certificates.filter((c) => !c.superseded).at(-1);
  if (!current) return null;
  return (
    <Alert
      type="success"
      showIcon
      message={t('registry.certificateIssued', { no: current.certificateNo })}
      description={
        <Space wrap>
          <a href={`/portal/registry/verify/${current.certificateNo}`}>{t('registry.verifyPage')}</a>
          <a href={`/api/registry/certificates/${current.certificateNo}/pdf`}>PDF</a>
          <a href={`/api/registry/certificates/${current.certificateNo}`}>{t('registry.signedJson')}</a>
          <a href={`/api/registry/certificates/${current.certificateNo}?form=vc`}>{t('registry.credential')}</a>
        </Space>
      }
    />
  );
}

function ApplicationsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const list = useApi(() => registryApi.applications({ q, status, page, pageSize: 20 }), [q, status, page]);
  const columns: ColumnsType<Application> = [
    { title: t('registry.id'), dataIndex: 'id', width: 70 },
    { title: t('registry.dataName'), key: 'name', render: (_, a) => <a onClick={() => setOpen(a.id)}>{a.data.name}</a> },
    { title: t('registry.type'), dataIndex: 'type', width: 110, render: (x: string) => t(`registry.type.${x}` as MessageId) },
    { title: t('registry.book'), dataIndex: 'book', width: 100, render: (x: string) => t(`registry.book.${x}` as MessageId) },
    { title: t('registry.holder'), key: 'holder', render: (_, a) => a.holder.name },
    {
      title: t('registry.statusLabel'),
      key: 'status',
      width: 200,
      render: (_, a) => (
        <>
          <StatusTag status={a.status} />
          {a.acceptanceOverdue && <Tag color="red">{t('registry.overdue')}</Tag>}
          {(a.flags.duplicateOf || a.flags.personalInformationInAsset) && <Tag color="orange">{t('registry.flagged')}</Tag>}
        </>
      ),
    },
  ];
  return (
    <>
      <Space wrap className="toolbar">
        <Input.Search aria-label={t('registry.search')} placeholder={t('registry.search')} allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 260 }} />
        <Select
          aria-label={t('registry.statusLabel')}
          style={{ width: 180 }}
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={[{ value: '', label: t('registry.allStatuses') }, { value: 'open', label: t('registry.openOnly') }, ...['draft', 'public_notice', 'approved', 'rejected'].map((s) => ({ value: s, label: t(`registry.status.${s}` as MessageId) }))]}
        />
        {can('registry:apply') && <NewApplication onCreated={(a) => (list.reload(), setOpen(a.id))} />}
      </Space>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<Application>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading && !list.data}
        locale={{ emptyText: t('registry.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 900 }}
      />
      {open !== null && <ApplicationDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />}
    </>
  );
}

const LATER_TYPES = ['change', 'correction', 'transfer', 'licence', 'renewal', 'cancellation'] as const;

function LaterApplication({ no, onDone }: { no: string; onDone: (id: number) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const type = Form.useWatch('type', form) as (typeof LATER_TYPES)[number] | undefined;
  const submit = async (v: Record<string, unknown>) => {
    setError(null);
    try {
      const to = { ...(v.orgCode ? { orgCode: String(v.orgCode) } : {}), ...(v.toName ? { name: String(v.toName) } : {}) };
      const body =
        v.type === 'change' || v.type === 'correction'
          ? { type: v.type, registrationNo: no, changes: v.description ? { description: v.description } : {}, reason: v.reason }
          : v.type === 'transfer' || v.type === 'licence'
            ? { type: v.type, registrationNo: no, to, rights: v.rights, priceFen: Math.round(Number(v.priceYuan ?? 0) * 100), contractSm3: v.contractSm3, ...(v.type === 'licence' ? { termEnd: v.termEnd } : {}) }
            : v.type === 'cancellation'
              ? { type: v.type, registrationNo: no, reason: v.reason }
              : { type: v.type, registrationNo: no };
      const created = await registryApi.create(body);
      const submitted = await registryApi.act(created.id, { action: 'submit' });
      setOpen(false);
      form.resetFields();
      onDone(submitted.id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('registry.later.apply')}
      </Button>
      <Drawer title={`${t('registry.later.apply')} · ${no}`} open={open} onClose={() => setOpen(false)} width={560} destroyOnHidden>
        {error !== null && <ErrorAlert error={error} className="form-alert" />}
        <Form form={form} layout="vertical" initialValues={{ type: 'change', rights: ['use'] }} onFinish={(v) => void submit(v as Record<string, unknown>)}>
          <Form.Item name="type" label={t('registry.type')}>
            <Select options={LATER_TYPES.map((x) => ({ value: x, label: t(`registry.type.${x}` as MessageId) }))} />
          </Form.Item>
          {(type === 'change' || type === 'correction') && (
            <Form.Item name="description" label={t('registry.description')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {(type === 'change' || type === 'correction' || type === 'cancellation') && (
            <Form.Item name="reason" label={t('registry.reason')} rules={[{ required: true, message: t('registry.required') }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {(type === 'transfer' || type === 'licence') && (
            <>
              <Form.Item name="orgCode" label={t('registry.later.orgCode')}>
                <Input />
              </Form.Item>
              <Form.Item name="toName" label={t('registry.later.toName')}>
                <Input />
              </Form.Item>
              <Form.Item name="rights" label={t('registry.rights')} rules={[{ required: true, message: t('registry.required') }]}>
                <Checkbox.Group options={(['hold', 'use', 'operate'] as Right[]).map((r) => ({ value: r, label: t(`registry.right.${r}` as MessageId) }))} />
              </Form.Item>
              <Form.Item name="priceYuan" label={t('registry.later.price')} rules={[{ required: true, message: t('registry.required') }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="contractSm3" label={t('registry.later.contractSm3')} rules={[{ required: true, pattern: /^[0-9a-f]{64}$/, message: t('registry.sm3Invalid') }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {type === 'licence' && (
            <Form.Item name="termEnd" label={t('registry.later.termEnd')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit">
            {t('registry.later.submit')}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}

function RegistrationsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [done, setDone] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useApi(() => registryApi.registrations({ q, page, pageSize: 20 }), [q, page]);
  const columns: ColumnsType<RegistrationRow> = [
    { title: t('registry.registrationNo'), dataIndex: 'registrationNo', width: 180, render: (x: string) => <Typography.Text code>{x}</Typography.Text> },
    { title: t('registry.dataName'), dataIndex: 'dataName' },
    { title: t('registry.book'), dataIndex: 'book', width: 100, render: (x: string) => t(`registry.book.${x}` as MessageId) },
    { title: t('registry.holder'), dataIndex: 'holder' },
    { title: t('registry.statusLabel'), dataIndex: 'status', width: 120, render: (x: string) => <StatusTag status={x} /> },
    { title: t('registry.validUntil'), dataIndex: 'validUntil', width: 120 },
    ...(can('registry:apply') ? [{ title: t('registry.actions'), key: 'apply', width: 120, render: (_: unknown, r: RegistrationRow) => <LaterApplication no={r.registrationNo} onDone={(id) => setDone(id)} /> }] : []),
  ];
  return (
    <>
      {done !== null && <Alert type="success" showIcon role="status" closable onClose={() => setDone(null)} message={t('registry.later.done', { id: done })} style={{ marginBottom: 12 }} />}
      <Input.Search aria-label={t('registry.search')} placeholder={t('registry.search')} allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 260, marginBottom: 12 }} />
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<RegistrationRow>
        rowKey="registrationNo"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading && !list.data}
        locale={{ emptyText: t('registry.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 900 }}
      />
    </>
  );
}

function AuthorisationsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const list = useApi(() => registryApi.authorisations(), []);
  const create = async (v: Record<string, string>) => {
    setError(null);
    try {
      await registryApi.createAuthorisation({
        implementingBody: v.implementingBody,
        operator: { orgCode: v.operatorCode },
        scope: v.scope,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        agreementRef: v.agreementRef,
      });
      form.resetFields();
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const date = [{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }];
  return (
    <>
      {error !== null && <ErrorAlert error={error} className="form-alert" />}
      {can('registry:authorise') && (
        <Card size="small" title={t('registry.auth.new')} style={{ marginBottom: 12 }}>
          <Form form={form} layout="inline" onFinish={(v) => void create(v as Record<string, string>)}>
            <Form.Item name="implementingBody" label={t('registry.auth.implementingBody')} rules={[{ required: true, message: t('registry.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="operatorCode" label={t('registry.auth.operatorCode')} rules={[{ required: true, message: t('registry.required') }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="scope" label={t('registry.auth.scope')} rules={[{ required: true, message: t('registry.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="startsOn" label={t('registry.auth.startsOn')} rules={date}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="endsOn" label={t('registry.auth.endsOn')} rules={date}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="agreementRef" label={t('registry.auth.agreementRef')} rules={[{ required: true, message: t('registry.required') }]}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('registry.auth.create')}
            </Button>
          </Form>
        </Card>
      )}
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table
        rowKey="id"
        size="small"
        dataSource={list.data?.items}
        loading={list.loading && !list.data}
        locale={{ emptyText: t('registry.empty') }}
        pagination={false}
        columns={[
          { title: t('registry.auth.implementingBody'), dataIndex: 'implementingBody' },
          { title: t('registry.auth.operator'), key: 'op', render: (_, a) => a.operator.name },
          { title: t('registry.auth.term'), key: 'term', render: (_, a) => `${a.startsOn} – ${a.endsOn}` },
          { title: t('registry.auth.products'), key: 'p', render: (_, a) => a.products.map((p) => `${p.name}（¥${yuan(p.priceFen)}/${p.unit}）`).join('；') },
          { title: t('registry.auth.disclosure'), key: 'd', render: (_, a) => (a.overdue ? <Tag color="red">{t('registry.overdue')}</Tag> : <Tag color="green">{t('registry.auth.onTime')}</Tag>) },
        ]}
      />
    </>
  );
}

/** 数据产权登记: applications and their review, registrations, authorised operation. */
export default function RegistryPage() {
  const { t } = useI18n();
  usePageTitle('registry.title');
  return (
    <Card>
      <h1 className="page-title">{t('registry.title')}</h1>
      <Tabs
        items={[
          { key: 'applications', label: t('registry.tab.applications'), children: <ApplicationsTab /> },
          { key: 'registrations', label: t('registry.tab.registrations'), children: <RegistrationsTab /> },
          { key: 'authorisations', label: t('registry.tab.authorisations'), children: <AuthorisationsTab /> },
        ]}
      />
    </Card>
  );
}

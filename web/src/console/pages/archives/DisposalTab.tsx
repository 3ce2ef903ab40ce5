/**
 * 鉴定销毁 in the archives console: the review list (records past their retention; 永久 never listed), from
 * which the bureau proposes a disposal with a reason; the proposals, which the archive (档案馆) approves or
 * rejects (never the proposer) and then destroys; a proposal's records, steps and destruction record.
 */
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { archivesApi, DISPOSAL_STATES, type DisposalAction, type DisposalProposalRow, type DisposalRow, type DisposalState } from './archivesApi';

const STATE_COLOR: Record<DisposalState, string> = { proposed: 'blue', approved: 'gold', rejected: 'default', withdrawn: 'default', destroyed: 'red' };

function ProposalDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  // The App context's modal and message: antd's static Modal.confirm renders nothing under React 19.
  const { modal, message } = App.useApp();
  const proposal = useApi(() => (id === null ? Promise.resolve(null) : archivesApi.proposal(id)), [id]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const p = proposal.data;
  const act = async (action: DisposalAction) => {
    if (!p) return;
    setError(null);
    setBusy(true);
    try {
      await archivesApi.actOnProposal(p.id, action, note.trim() || undefined);
      void message.success(t(`archives.disposals.done.${action}`));
      setNote('');
      proposal.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirmDestroy = () =>
    modal.confirm({ title: t('archives.disposals.destroyConfirm', { n: p?.records.length ?? 0 }), okType: 'danger', okText: t('archives.disposals.action.destroy'), onOk: () => act('destroy') });
  return (
    <Drawer open={id !== null} onClose={onClose} width={860} title={p ? t('archives.disposals.titleOf', { id: p.id }) : t('common.loading')}>
      {proposal.error !== null && <ErrorAlert error={proposal.error} onRetry={proposal.reload} />}
      {p && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('archives.disposals.state')}>
              <Tag color={STATE_COLOR[p.state]}>{t(`archives.disposals.state.${p.state}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('archives.disposals.reason')}>{p.reason}</Descriptions.Item>
            <Descriptions.Item label={t('archives.disposals.proposedBy')}>
              {p.proposedBy} · {formatTime(p.createdAt, locale)}
            </Descriptions.Item>
          </Descriptions>
          <section aria-labelledby="disposal-records">
            <h2 id="disposal-records" className="section-title">{t('archives.disposals.records')}</h2>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.records}
              columns={[
                { title: t('archives.code'), dataIndex: 'archivalCode' },
                { title: t('archives.title'), dataIndex: 'title' },
                { title: t('archives.disposal.expiredOn'), dataIndex: 'expiredOn' },
                { title: t('archives.disposals.destroyedAt'), dataIndex: 'destroyedAt', render: (v: string | null) => (v ? formatTime(v, locale) : '') },
              ]}
            />
          </section>
          <section aria-labelledby="disposal-steps">
            <h2 id="disposal-steps" className="section-title">{t('archives.disposals.steps')}</h2>
            <ul>
              {p.actions.map((a, i) => (
                <li key={i}>
                  {formatTime(a.at, locale)} · {t(`archives.disposals.step.${a.action as DisposalAction}`)} · {a.actor}
                  {a.note ? ` · ${a.note}` : ''}
                </li>
              ))}
            </ul>
          </section>
          {p.destructionRecord && (
            <section aria-labelledby="disposal-record">
              <h2 id="disposal-record" className="section-title">{t('archives.disposals.destructionRecord')}</h2>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('archives.code')}>{p.destructionRecord.archivalCode}</Descriptions.Item>
                <Descriptions.Item label={t('archives.disposals.approvedBy')}>
                  {p.destructionRecord.content.approvedBy} · {formatTime(p.destructionRecord.content.approvedAt, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={t('archives.disposals.destroyedBy')}>
                  {p.destructionRecord.content.destroyedBy} · {formatTime(p.destructionRecord.content.destroyedAt, locale)}
                </Descriptions.Item>
              </Descriptions>
              <ul>
                {p.destructionRecord.content.records.flatMap((r) =>
                  r.versions.map((v) => (
                    <li key={`${r.archivalCode}-${v.version}`}>
                      {r.archivalCode} v{v.version} · manifest-sm3.txt SM3 <Typography.Text code>{v.manifestSm3['manifest-sm3.txt'] ?? '-'}</Typography.Text>
                    </li>
                  )),
                )}
              </ul>
            </section>
          )}
          {error !== null && <ErrorAlert error={error} />}
          {p.allowedActions.length > 0 && (
            <Space direction="vertical" style={{ width: '100%' }}>
              {p.allowedActions.some((a) => a !== 'destroy') && (
                <Input.TextArea aria-label={t('archives.disposals.note')} placeholder={t('archives.disposals.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} />
              )}
              <Space>
                {p.allowedActions.map((a) => (
                  <Button key={a} danger={a === 'destroy' || a === 'reject'} type={a === 'approve' ? 'primary' : 'default'} loading={busy} onClick={() => (a === 'destroy' ? confirmDestroy() : void act(a))}>
                    {t(`archives.disposals.action.${a}`)}
                  </Button>
                ))}
              </Space>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** The disposal tab: review list + propose (archives.disposal:propose), proposals (anyone with a disposal scope). */
export function DisposalTab() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const canPropose = can('archives.disposal:propose');
  const review = useApi(() => (can('archives:dispose') ? archivesApi.disposal() : Promise.resolve({ items: [] as DisposalRow[] })), []);
  const [state, setState] = useState<DisposalState | undefined>();
  const proposals = useApi(() => archivesApi.proposals(state), [state]);
  const [selected, setSelected] = useState<number[]>([]);
  const [proposing, setProposing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const propose = async ({ reason }: { reason: string }) => {
    setError(null);
    try {
      const p = await archivesApi.propose(selected, reason.trim());
      void message.success(t('archives.disposals.proposed', { id: p.id }));
      setProposing(false);
      setSelected([]);
      form.resetFields();
      proposals.reload();
      setOpen(p.id);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <section aria-labelledby="disposal-review">
        <h2 id="disposal-review" className="section-title">{t('archives.disposals.review')}</h2>
        <Typography.Paragraph type="secondary">{t('archives.disposal.note')}</Typography.Paragraph>
        {review.error !== null && <ErrorAlert error={review.error} onRetry={review.reload} />}
        <Table<DisposalRow>
          rowKey="id"
          size="small"
          dataSource={review.data?.items}
          rowSelection={canPropose ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
          columns={[
            { title: t('archives.code'), dataIndex: 'archivalCode' },
            { title: t('archives.title'), dataIndex: 'title' },
            { title: t('archives.retention'), dataIndex: 'retention', render: (v: string) => t(`archives.retention.${v as 'Y'}`) },
            { title: t('archives.disposal.expiredOn'), dataIndex: 'expiredOn' },
          ]}
        />
        {canPropose && (
          <Button type="primary" disabled={selected.length === 0} onClick={() => setProposing(true)}>
            {t('archives.disposals.propose', { n: selected.length })}
          </Button>
        )}
      </section>
      <section aria-labelledby="disposal-proposals">
        <h2 id="disposal-proposals" className="section-title">{t('archives.disposals.proposals')}</h2>
        <Form layout="inline" className="filter-bar">
          <Form.Item label={t('archives.disposals.state')}>
            <Select<DisposalState> allowClear style={{ minWidth: 140 }} value={state} onChange={setState} options={DISPOSAL_STATES.map((s) => ({ value: s, label: t(`archives.disposals.state.${s}`) }))} />
          </Form.Item>
        </Form>
        {proposals.error !== null && <ErrorAlert error={proposals.error} onRetry={proposals.reload} />}
        <Table<DisposalProposalRow>
          rowKey="id"
          size="small"
          dataSource={proposals.data?.items}
          columns={[
            { title: '#', dataIndex: 'id', width: 60, render: (v: number) => <Button type="link" onClick={() => setOpen(v)}>{t('archives.disposals.titleOf', { id: v })}</Button> },
            { title: t('archives.disposals.state'), dataIndex: 'state', render: (v: DisposalState) => <Tag color={STATE_COLOR[v]}>{t(`archives.disposals.state.${v}`)}</Tag> },
            { title: t('archives.disposals.reason'), dataIndex: 'reason' },
            { title: t('archives.disposals.records'), dataIndex: 'records', width: 90 },
            { title: t('archives.disposals.proposedBy'), dataIndex: 'proposedBy' },
            { title: t('archives.alerts.at'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, locale) },
          ]}
        />
      </section>
      <Modal open={proposing} title={t('archives.disposals.propose', { n: selected.length })} onCancel={() => setProposing(false)} onOk={() => form.submit()} okText={t('archives.disposals.submit')}>
        {error !== null && <ErrorAlert error={error} />}
        <Form form={form} layout="vertical" onFinish={(v) => void propose(v)}>
          <Form.Item name="reason" label={t('archives.disposals.reason')} rules={[{ required: true, min: 2, message: t('archives.disposals.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <ProposalDrawer id={open} onClose={() => setOpen(null)} onChanged={() => { proposals.reload(); review.reload(); }} />
    </Space>
  );
}

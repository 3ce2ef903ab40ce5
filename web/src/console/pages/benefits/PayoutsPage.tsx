/**
 * /console/benefits/payouts — the funding department's second confirmation (二次确认): payouts found by the
 * matching runs, filtered by policy, run, state and name; confirm or exclude (with a reason) one, or confirm
 * a whole run after a dialog showing the count and total the server will check; a drawer with the figures,
 * the recorded inputs and the timeline.
 */
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { formatYuan, PAYOUT_STATES, payoutsApi, type Payout, type PayoutDetail, type PayoutState } from '../../../benefits/payoutsApi';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import './benefits-console.css';

const COLORS: Record<PayoutState, string> = { offered: 'gold', confirmed: 'blue', notified: 'blue', authorised: 'cyan', in_batch: 'geekblue', paid: 'green', failed: 'red', declined: 'default', excluded: 'default' };

export function PayoutStateTag({ state }: { state: PayoutState }) {
  const { t } = useI18n();
  return <Tag color={COLORS[state]}>{t(`benefits.payouts.state.${state}` as MessageId)}</Tag>;
}

function DetailDrawer({ id, onClose, onChanged }: { id: number | null; onClose(): void; onChanged(): void }) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<PayoutDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDetail(null);
    setError(null);
    if (id !== null) payoutsApi.get(id).then(setDetail, setError);
  }, [id]);
  return (
    <Drawer open={id !== null} onClose={onClose} width={560} title={t('benefits.payouts.detail.title', { id: id ?? '' })}>
      {error !== null && <ErrorAlert error={error} />}
      {detail && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('benefits.payouts.subject')}>
              {detail.subject.displayName} ({detail.subject.maskedId})
            </Descriptions.Item>
            <Descriptions.Item label={t('benefits.payouts.policy')}>
              {detail.policyName[locale]} · v{detail.policyVersion}
            </Descriptions.Item>
            <Descriptions.Item label={t('benefits.payouts.period')}>{detail.period}</Descriptions.Item>
            <Descriptions.Item label={t('benefits.payouts.amount')}>¥{formatYuan(detail.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('benefits.payouts.stateLabel')}>
              <PayoutStateTag state={detail.state} />
            </Descriptions.Item>
            {detail.reason && <Descriptions.Item label={t('benefits.payouts.reason')}>{detail.reason}</Descriptions.Item>}
            {detail.authorisation && (
              <Descriptions.Item label={t('benefits.payouts.account')}>
                {detail.authorisation.bankName} {detail.authorisation.accountMasked} ({detail.authorisation.accountName})
              </Descriptions.Item>
            )}
          </Descriptions>
          <h3 style={{ marginTop: 16 }}>{t('benefits.payouts.detail.figures')}</h3>
          <pre className="benefits-json">{JSON.stringify(detail.figures, null, 2)}</pre>
          <h3>{t('benefits.payouts.detail.inputs')}</h3>
          <pre className="benefits-json">{JSON.stringify(detail.inputs, null, 2)}</pre>
          <h3>{t('benefits.payouts.detail.timeline')}</h3>
          <Timeline
            items={detail.timeline.map((e) => ({
              children: (
                <span>
                  {t(`benefits.payouts.action.${e.action}` as MessageId)} · {e.at.slice(0, 19).replace('T', ' ')}
                  {typeof e.detail.reason === 'string' ? ` · ${e.detail.reason}` : ''}
                </span>
              ),
            }))}
          />
          {detail.allowedActions.includes('confirm') && (
            <Button type="primary" onClick={() => void payoutsApi.act(detail.id, 'confirm').then(setDetail, setError).then(onChanged)}>
              {t('benefits.payouts.confirm')}
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function PayoutsPage() {
  const { t, locale } = useI18n();
  // The App context's toasts: antd's static message renders nothing under React 19.
  const { message } = App.useApp();
  usePageTitle('benefits.payouts.title');
  const { can } = useSession();
  const canConfirm = can('benefits.payouts:confirm');
  const [filters, setFilters] = useState<{ policy?: string; runId?: number; state?: string; q?: string }>({});
  const [draft, setDraft] = useState<{ policy?: string; runId?: number | null; state?: string; q?: string }>({});
  const [extra, setExtra] = useState<Payout[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [open, setOpen] = useState<number | null>(null);
  const [excluding, setExcluding] = useState<Payout | null>(null);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [bulk, setBulk] = useState<{ runId: number; count: number; totalFen: number } | null>(null);
  const list = useApi(() => payoutsApi.list({ ...filters, limit: 50 }), [filters]);
  useEffect(() => {
    setExtra([]);
    setCursor(undefined);
  }, [list.data]);
  const rows = [...(list.data?.items ?? []), ...extra];
  const next = cursor === undefined ? list.data?.nextCursor : cursor;

  const more = async () => {
    if (!next) return;
    const page = await payoutsApi.list({ ...filters, cursor: next, limit: 50 });
    setExtra((x) => [...x, ...page.items]);
    setCursor(page.nextCursor);
  };

  const confirmOne = async (p: Payout) => {
    setActionError(null);
    try {
      await payoutsApi.act(p.id, 'confirm');
      void message.success(t('benefits.payouts.confirmed'));
      list.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  const bulkConfirm = async () => {
    if (!filters.runId) return;
    setActionError(null);
    try {
      const s = await payoutsApi.summary({ runId: filters.runId, state: 'offered' });
      setBulk({ runId: filters.runId, ...s });
    } catch (e) {
      setActionError(e);
    }
  };

  const confirmBulk = async () => {
    if (!bulk) return;
    try {
      const r = await payoutsApi.confirmRun(bulk.runId, bulk.count, bulk.totalFen);
      void message.success(t('benefits.payouts.bulk.done', { count: r.confirmed, notified: r.notified }));
    } catch (e) {
      setActionError(e);
    }
    setBulk(null);
    list.reload();
  };

  const exclude = async () => {
    if (!excluding) return;
    setActionError(null);
    try {
      await payoutsApi.act(excluding.id, 'exclude', reason.trim());
      setExcluding(null);
      setReason('');
      list.reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section className="page-section">
      <h1>{t('benefits.payouts.title')}</h1>
      <Form
        layout="inline"
        onFinish={() => setFilters({ policy: draft.policy || undefined, runId: draft.runId ?? undefined, state: draft.state || undefined, q: draft.q || undefined })}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item label={t('benefits.payouts.policy')} htmlFor="payouts-policy">
          <Input id="payouts-policy" value={draft.policy} onChange={(e) => setDraft({ ...draft, policy: e.target.value })} placeholder="tw-iit-subsidy" />
        </Form.Item>
        <Form.Item label={t('benefits.payouts.run')} htmlFor="payouts-run">
          <InputNumber id="payouts-run" min={1} value={draft.runId ?? null} onChange={(v) => setDraft({ ...draft, runId: v })} />
        </Form.Item>
        <Form.Item label={t('benefits.payouts.stateLabel')} htmlFor="payouts-state">
          <Select
            id="payouts-state"
            allowClear
            style={{ width: 140 }}
            value={draft.state}
            onChange={(v: string | undefined) => setDraft({ ...draft, state: v })}
            options={PAYOUT_STATES.map((s) => ({ value: s, label: t(`benefits.payouts.state.${s}` as MessageId) }))}
          />
        </Form.Item>
        <Form.Item label={t('benefits.payouts.search')} htmlFor="payouts-q">
          <Input id="payouts-q" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('benefits.payouts.filter')}
          </Button>
          {canConfirm && (
            <Button onClick={() => void bulkConfirm()} disabled={!filters.runId}>
              {t('benefits.payouts.bulk.button')}
            </Button>
          )}
        </Space>
      </Form>
      {canConfirm && !filters.runId && <Alert type="info" showIcon message={t('benefits.payouts.bulk.hint')} style={{ marginBottom: 12 }} />}
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {actionError !== null && <ErrorAlert error={actionError} />}
      <Table<Payout>
        rowKey="id"
        size="small"
        loading={list.loading}
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={rows}
        locale={{ emptyText: t('benefits.payouts.empty') }}
        columns={[
          { title: t('benefits.payouts.id'), dataIndex: 'id', render: (id: number) => <Button type="link" onClick={() => setOpen(id)}>{id}</Button> },
          { title: t('benefits.payouts.subject'), render: (_, p) => `${p.subject.displayName} (${p.subject.maskedId})` },
          { title: t('benefits.payouts.policy'), render: (_, p) => p.policyName[locale] },
          { title: t('benefits.payouts.period'), dataIndex: 'period' },
          { title: t('benefits.payouts.run'), dataIndex: 'runId' },
          { title: t('benefits.payouts.amount'), align: 'right', render: (_, p) => `¥${formatYuan(p.amountFen)}` },
          { title: t('benefits.payouts.stateLabel'), render: (_, p) => <PayoutStateTag state={p.state} /> },
          {
            title: t('benefits.payouts.actions'),
            render: (_, p) =>
              canConfirm && p.state === 'offered' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => void confirmOne(p)} aria-label={t('benefits.payouts.confirmOf', { name: p.subject.displayName })}>
                    {t('benefits.payouts.confirm')}
                  </Button>
                  <Button size="small" danger onClick={() => setExcluding(p)} aria-label={t('benefits.payouts.excludeOf', { name: p.subject.displayName })}>
                    {t('benefits.payouts.exclude')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {next && (
        <Button onClick={() => void more()} style={{ marginTop: 8 }}>
          {t('common.loadMore')}
        </Button>
      )}
      <Modal
        open={excluding !== null}
        title={t('benefits.payouts.excludeTitle', { name: excluding?.subject.displayName ?? '' })}
        okText={t('benefits.payouts.exclude')}
        cancelText={t('benefits.payouts.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        onOk={() => void exclude()}
        onCancel={() => setExcluding(null)}
      >
        <Form layout="vertical">
          <Form.Item label={t('benefits.payouts.reason')} htmlFor="exclude-reason" required>
            <Input.TextArea id="exclude-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={bulk !== null}
        title={t('benefits.payouts.bulk.title', { runId: bulk?.runId ?? '' })}
        okText={t('benefits.payouts.bulk.ok')}
        cancelText={t('benefits.payouts.cancel')}
        okButtonProps={{ disabled: !bulk || bulk.count === 0 }}
        onOk={() => void confirmBulk()}
        onCancel={() => setBulk(null)}
      >
        <p>{bulk && t('benefits.payouts.bulk.body', { count: bulk.count, total: formatYuan(bulk.totalFen) })}</p>
      </Modal>
      <DetailDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </section>
  );
}

/**
 * /console/services/cases/:id — an officer handles a case: the form with the source of each prefilled
 * value, attachments, the tasks and timeline, and ONLY the actions the server allows this officer now
 * (accept, request correction listing everything missing, approve, reject with a reason, hand over to an
 * officer or a department, a one-thing task's own actions). A 409 shows what is allowed instead.
 */
import { Alert, Breadcrumb, Button, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Org, type UserRow } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { CaseAttachments, CaseFormData, CaseTasks, CaseTimeline, DeadlineText } from '../../../services/cases/CaseParts';
import { casesApi, newIdempotencyKey, type ActionInput, type AllowedAction, type CaseDetail } from '../../../services/cases/casesApi';
import '../../../services/cases/cases.css';
import { actionLabel, departmentName, StateTag } from '../../../services/cases/labels';
import type { FormSchema } from '../../../services/cases/SchemaForm';
import { itemsApi } from '../../../portal/pages/services/itemsApi';
import { useApi } from '../../useApi';

type Dialog = { kind: 'reason' | 'correction' | 'hand_over'; action: AllowedAction } | null;

function HandOverFields({ department, setDepartment, userId, setUserId }: { department: string | undefined; setDepartment(v: string | undefined): void; userId: number | undefined; setUserId(v: number | undefined): void }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const orgs = useApi(() => api.orgs(), []);
  const users = useApi(() => (user?.org ? api.users({ orgId: user.org.id, page: 1, pageSize: 100 }) : Promise.resolve({ items: [] as UserRow[], total: 0 })), [user?.org?.id]);
  return (
    <>
      <Form.Item label={t('services.cases.handOver.officer')} htmlFor="handover-user">
        <Select
          id="handover-user"
          allowClear
          value={userId}
          onChange={(v: number | undefined) => {
            setUserId(v);
            if (v !== undefined) setDepartment(undefined);
          }}
          options={(users.data?.items ?? []).filter((u) => u.id !== user?.id && u.kind === 'officer').map((u) => ({ value: u.id, label: u.displayName }))}
        />
      </Form.Item>
      <Form.Item label={t('services.cases.handOver.department')} htmlFor="handover-department">
        <Select
          id="handover-department"
          allowClear
          showSearch
          optionFilterProp="label"
          value={department}
          onChange={(v: string | undefined) => {
            setDepartment(v);
            if (v !== undefined) setUserId(undefined);
          }}
          options={(orgs.data?.items ?? []).filter((o: Org) => o.kind === 'department' && o.id !== user?.org?.id).map((o: Org) => ({ value: o.code, label: locale === 'en' ? o.nameEn : o.name }))}
        />
      </Form.Item>
    </>
  );
}

export default function CaseHandlingPage() {
  const { t, locale } = useI18n();
  usePageTitle('services.cases.handle.title');
  const id = Number(useParams().id);
  const [c, setC] = useState<CaseDetail | null>(null);
  const [schema, setSchema] = useState<FormSchema | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>(['']);
  const [department, setDepartment] = useState<string>();
  const [userId, setUserId] = useState<number>();
  const [dialogError, setDialogError] = useState<string | null>(null);
  const keyRef = useRef<{ for: string; key: string } | null>(null);

  const load = async () => {
    try {
      const next = await casesApi.get(id);
      setC(next);
      setError(null);
      return next;
    } catch (e) {
      setError(e);
      return null;
    }
  };
  useEffect(() => {
    void load().then((x) => {
      if (x)
        itemsApi.item(x.item.code, 'zh-CN').then(
          (d) => setSchema((d.item as { formSchema?: FormSchema }).formSchema),
          () => setSchema(undefined),
        );
    });
  }, [id]);

  if (error !== null) return <ErrorAlert error={error} onRetry={() => void load()} />;
  if (!c) return <PageSpinner />;

  const keyFor = (a: AllowedAction) => {
    const k = `${a.action}:${a.taskId ?? ''}`;
    if (keyRef.current?.for !== k) keyRef.current = { for: k, key: newIdempotencyKey() };
    return keyRef.current.key;
  };

  const perform = async (a: AllowedAction, extra: Partial<ActionInput> = {}): Promise<boolean> => {
    setBusy(true);
    setActionError(null);
    setConflict(null);
    setDone(null);
    try {
      const next = await casesApi.act(c.id, { action: a.action, ...(a.taskId ? { taskId: a.taskId } : {}), ...extra }, keyFor(a));
      keyRef.current = null;
      setC(next);
      setDone(actionLabel(a, locale, t));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'illegal_transition') {
        const allowed = (e.details as { allowedActions?: string[] } | undefined)?.allowedActions ?? [];
        setConflict(allowed);
        keyRef.current = null;
        await load();
        return true;
      }
      setActionError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const open = (a: AllowedAction) => {
    setDialogError(null);
    setReason('');
    setMissing(['']);
    setDepartment(undefined);
    setUserId(undefined);
    if (a.action === 'request_correction') setDialog({ kind: 'correction', action: a });
    else if (a.action === 'hand_over') setDialog({ kind: 'hand_over', action: a });
    else if (a.requiresReason || a.action === 'reject') setDialog({ kind: 'reason', action: a });
    else void perform(a);
  };

  const confirmDialog = async () => {
    if (!dialog) return;
    let extra: Partial<ActionInput> = {};
    if (dialog.kind === 'reason') {
      if (!reason.trim()) return setDialogError(t('services.cases.handle.reasonRequired'));
      extra = { reason: reason.trim() };
    } else if (dialog.kind === 'correction') {
      const list = missing.map((m) => m.trim()).filter(Boolean);
      if (list.length === 0) return setDialogError(t('services.cases.handle.missingRequired'));
      extra = { missing: list, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    } else {
      if (!department && !userId) return setDialogError(t('services.cases.handle.handOverRequired'));
      extra = { to: userId ? { userId } : { department: department! }, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    }
    if (await perform(dialog.action, extra)) setDialog(null);
  };

  return (
    <section className="page-section cases-console">
      <Breadcrumb items={[{ title: <Link to="/console/services/inbox">{t('services.cases.inbox.title')}</Link> }, { title: c.number }]} />
      <h1>
        {c.item.name[locale]} <StateTag state={c.state} />
      </h1>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('services.cases.number')}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('services.cases.applicant')}>{c.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('services.cases.process')}>{c.process.name[locale]}</Descriptions.Item>
        <Descriptions.Item label={t('services.cases.department')}>{departmentName(c.department, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('services.cases.submitted')}>{new Date(c.submittedAt).toLocaleString(locale)}</Descriptions.Item>
        <Descriptions.Item label={t('services.cases.deadline')}>
          <DeadlineText c={c} />
        </Descriptions.Item>
      </Descriptions>

      <section className="cases-section" aria-labelledby="handle-actions">
        <h2 id="handle-actions">{t('services.cases.handle.actions')}</h2>
        {done && <Alert type="success" showIcon role="status" message={t('services.cases.handle.done', { action: done })} style={{ marginBottom: 12 }} />}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            message={t('services.cases.handle.conflict')}
            description={conflict.length ? conflict.map((a) => actionLabel({ action: a, name: c.allowedActions.find((x) => x.action === a)?.name ?? null }, locale, t)).join('、') : t('services.cases.handle.nothingAllowed')}
            style={{ marginBottom: 12 }}
          />
        )}
        {actionError !== null && <ErrorAlert error={actionError} />}
        {c.correctionRequested && c.missing.length > 0 && (
          <Alert type="info" showIcon message={t('services.cases.correction.requested')} description={c.missing.join('；')} style={{ marginBottom: 12 }} />
        )}
        {c.allowedActions.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('services.cases.handle.nothingAllowed')}</Typography.Paragraph>
        ) : (
          <Space wrap>
            {c.allowedActions.map((a) => (
              <Button
                key={`${a.action}:${a.taskId ?? ''}`}
                type={a.action === 'approve' || a.action === 'accept' ? 'primary' : 'default'}
                danger={a.action === 'reject'}
                disabled={busy}
                onClick={() => open(a)}
              >
                {actionLabel(a, locale, t)}
                {a.taskId && new Set(c.allowedActions.map((x) => x.taskId).filter(Boolean)).size > 1 ? ` · ${c.tasks.find((x) => x.id === a.taskId)?.name[locale] ?? ''}` : ''}
              </Button>
            ))}
          </Space>
        )}
      </section>

      <section className="cases-section" aria-labelledby="handle-form">
        <h2 id="handle-form">{t('services.cases.handle.form')}</h2>
        <CaseFormData c={c} schema={schema} />
      </section>
      <section className="cases-section" aria-labelledby="handle-tasks">
        <h2 id="handle-tasks">{t('services.cases.tasks')}</h2>
        <CaseTasks c={c} />
        {c.tasks.some((x) => x.dataExchanges.length > 0 || x.requiredDocuments.length > 0) && (
          <ul className="cases-exchanges">
            {c.tasks.flatMap((x) => [
              ...x.dataExchanges.map((d, i) => (
                <li key={`${x.id}-x-${i}`}>
                  <Tag color="cyan">{t('services.cases.handle.exchange')}</Tag> {d.data[locale]} ({d.department}
                  {d.dataset ? ` · ${d.dataset}` : ''})
                </li>
              )),
              ...x.requiredDocuments.map((d) => (
                <li key={`${x.id}-d-${d.kind}`}>
                  <Tag color={d.attached ? 'success' : 'warning'}>{d.attached ? t('services.cases.handle.attached') : t('services.cases.handle.notAttached')}</Tag> {d.name[locale]}
                </li>
              )),
            ])}
          </ul>
        )}
      </section>
      <section className="cases-section" aria-labelledby="handle-attachments">
        <h2 id="handle-attachments">{t('services.cases.attach.title')}</h2>
        <CaseAttachments c={c} />
      </section>
      <section className="cases-section" aria-labelledby="handle-timeline">
        <h2 id="handle-timeline">{t('services.cases.timeline')}</h2>
        <CaseTimeline c={c} />
      </section>

      <Modal
        open={dialog !== null}
        title={dialog ? actionLabel(dialog.action, locale, t) : ''}
        okText={dialog ? actionLabel(dialog.action, locale, t) : ''}
        cancelText={t('services.cases.cancel')}
        confirmLoading={busy}
        onOk={() => void confirmDialog()}
        onCancel={() => setDialog(null)}
        destroyOnClose
      >
        <Form layout="vertical">
          {dialog?.kind === 'correction' && (
            <fieldset className="cases-missing-fieldset">
              <legend>{t('services.cases.handle.missing')}</legend>
              <Typography.Paragraph type="secondary">{t('services.cases.handle.missingHint')}</Typography.Paragraph>
              {missing.map((m, i) => (
                <Space key={i} style={{ display: 'flex', marginBottom: 8 }}>
                  <Input
                    aria-label={t('services.cases.handle.missingItem', { n: i + 1 })}
                    value={m}
                    onChange={(e) => setMissing((xs) => xs.map((x, j) => (j === i ? e.target.value : x)))}
                  />
                  {missing.length > 1 && (
                    <Button onClick={() => setMissing((xs) => xs.filter((_, j) => j !== i))}>{t('services.cases.attach.remove')}</Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => setMissing((xs) => [...xs, ''])}>{t('services.cases.handle.addMissing')}</Button>
            </fieldset>
          )}
          {dialog?.kind === 'hand_over' && <HandOverFields department={department} setDepartment={setDepartment} userId={userId} setUserId={setUserId} />}
          {dialog && (
            <Form.Item label={dialog.kind === 'reason' ? t('services.cases.reason') : t('services.cases.handle.note')} htmlFor="handle-reason" style={{ marginTop: 12 }}>
              <Input.TextArea id="handle-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} autoSize={{ minRows: 3 }} />
            </Form.Item>
          )}
          {dialogError && (
            <div role="alert" className="cases-file-error">
              {dialogError}
            </div>
          )}
          {actionError !== null && dialog && <ErrorAlert error={actionError} />}
        </Form>
      </Modal>
    </section>
  );
}

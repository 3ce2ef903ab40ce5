/**
 * /portal/services/cases/:id — one case for its applicant: the status in plain words, deadline and
 * working days left, a correction request listing everything missing with the form to resubmit,
 * withdraw while allowed, the timeline, and 好差评 once the case is closed.
 */
import { Alert, Breadcrumb, Button, Form, Popconfirm, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, setCsrfToken } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { CaseAttachments, CaseTimeline, DeadlineText } from '../../../services/cases/CaseParts';
import { ATTACHMENT_ACCEPT, casesApi, newIdempotencyKey, type CaseDetail } from '../../../services/cases/casesApi';
import '../../../services/cases/cases.css';
import { stateId, StateTag } from '../../../services/cases/labels';
import { focusFirstError, SchemaFields, serverFieldErrors, toSubmission, toValues, type FieldErrors, type FormSchema, type FormValues } from '../../../services/cases/SchemaForm';
import { itemsApi } from './itemsApi';
import { RatingForm } from './RatingForm';

const EXPLAIN: Record<string, MessageId> = {
  submitted: 'services.cases.explain.submitted',
  awaiting_correction: 'services.cases.explain.awaiting_correction',
  in_progress: 'services.cases.explain.in_progress',
  approved: 'services.cases.explain.approved',
  rejected: 'services.cases.explain.rejected',
  withdrawn: 'services.cases.explain.withdrawn',
};

function Resubmit({ c, onDone }: { c: CaseDetail; onDone(next: CaseDetail): void }) {
  const { t, locale } = useI18n();
  const [schema, setSchema] = useState<FormSchema | null>(null);
  const [values, setValues] = useState<FormValues>(() => toValues(c.form));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const keyRef = useRef<string | null>(null);
  useEffect(() => {
    itemsApi.item(c.item.code, locale).then(
      (d) => setSchema(((d.item as { formSchema?: FormSchema }).formSchema ?? {}) as FormSchema),
      (e: unknown) => setFailure(e),
    );
  }, [c.item.code, locale]);
  if (!schema) return failure ? <ErrorAlert error={failure} /> : null;
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    keyRef.current ??= newIdempotencyKey();
    try {
      if (file) await casesApi.uploadAttachment(c.id, 'correction', file);
      const next = await casesApi.act(c.id, { action: 'resubmit', form: toSubmission(schema, values) }, keyRef.current);
      keyRef.current = null;
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation_failed') {
        const r = serverFieldErrors(schema, e.details);
        setErrors(r.errors);
        focusFirstError(schema, r.errors, 'resubmit');
        keyRef.current = null;
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" className="cases-form" onFinish={() => void submit()} requiredMark={false}>
      <SchemaFields
        schema={schema}
        values={values}
        onChange={(n, v) => {
          keyRef.current = null;
          setValues((x) => ({ ...x, [n]: v }));
        }}
        errors={errors}
        prefill={c.prefill}
        idPrefix="resubmit"
      />
      <Form.Item label={t('services.cases.attach.choose')} htmlFor="resubmit-file">
        <input id="resubmit-file" type="file" accept={ATTACHMENT_ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="cases-file-input" />
      </Form.Item>
      {failure !== null && <ErrorAlert error={failure} />}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={busy}>
        {t('services.cases.action.resubmit')}
      </Button>
    </Form>
  );
}

export default function CasePage() {
  const { t, locale } = useI18n();
  usePageTitle('services.cases.case.title');
  const id = Number(useParams().id);
  const [c, setC] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const withdrawKey = useRef<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setCsrfToken((await api.session()).csrfToken);
      setC(await casesApi.get(id));
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error !== null)
    return (
      <div className="portal-page">
        {error instanceof ApiError && error.status === 401 ? (
          <Alert type="info" showIcon message={t('services.cases.my.signInFirst')} description={<Link to="/portal/services/me">{t('services.notify.signInLink')}</Link>} />
        ) : (
          <ErrorAlert error={error} onRetry={() => void load()} />
        )}
      </div>
    );
  if (!c) return <PageSpinner />;

  const can = (action: string) => c.allowedActions.some((a) => a.action === action);
  const withdraw = async () => {
    setActionError(null);
    withdrawKey.current ??= newIdempotencyKey();
    try {
      setC(await casesApi.act(c.id, { action: 'withdraw' }, withdrawKey.current));
      withdrawKey.current = null;
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section className="portal-page cases-page" aria-labelledby="case-title">
      <Breadcrumb items={[{ title: <Link to="/portal/services/cases">{t('services.cases.my.title')}</Link> }, { title: c.number }]} />
      <h1 id="case-title" className="section-title">
        {c.item.name[locale]}
      </h1>
      <section className="cases-section cases-status" aria-labelledby="case-status">
        <h2 id="case-status">{t('services.cases.case.status')}</h2>
        <p className="cases-state-line" data-state={c.state}>
          <StateTag state={c.state} /> <span>{t(EXPLAIN[c.state] ?? stateId(c.state))}</span>
        </p>
        <p>
          {t('services.cases.number')} <strong>{c.number}</strong>
        </p>
        <p>
          <DeadlineText c={c} />
        </p>
      </section>

      {c.correctionRequested && can('resubmit') && (
        <section className="cases-section" aria-labelledby="case-correction">
          <h2 id="case-correction">{t('services.cases.correction.title')}</h2>
          <Alert
            type="warning"
            showIcon
            message={t('services.cases.correction.intro')}
            description={
              <ul className="cases-missing">
                {c.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
          <Resubmit c={c} onDone={setC} />
        </section>
      )}

      {can('withdraw') && (
        <section className="cases-section" aria-labelledby="case-withdraw">
          <h2 id="case-withdraw">{t('services.cases.withdraw.title')}</h2>
          <p>{t('services.cases.withdraw.explain')}</p>
          <Popconfirm title={t('services.cases.withdraw.confirm')} okText={t('services.cases.action.withdraw')} cancelText={t('services.cases.cancel')} onConfirm={() => void withdraw()}>
            <Button danger size="large">
              {t('services.cases.action.withdraw')}
            </Button>
          </Popconfirm>
          {actionError !== null && <ErrorAlert error={actionError} />}
        </section>
      )}

      {c.closedAt && (
        <section className="cases-section" aria-label={t('services.cases.case.rate')}>
          <RatingForm caseId={c.id} />
        </section>
      )}

      <section className="cases-section" aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t('services.cases.timeline')}</h2>
        <CaseTimeline c={c} />
      </section>

      <section className="cases-section" aria-labelledby="case-attachments">
        <h2 id="case-attachments">{t('services.cases.attach.title')}</h2>
        <CaseAttachments c={c} />
      </section>
      <Space>
        <Link to="/portal/services/cases">{t('services.cases.my.back')}</Link>
      </Space>
    </section>
  );
}

/**
 * /portal/services/apply/:code — apply online for a service item. Mobile first, one thing per section:
 * who is applying (identity and its verification), the form generated from the item's JSON Schema with
 * the government's data prefilled and its source shown (零材料), attachments, then submit once (button
 * disabled while sending, one Idempotency-Key per submission reused on retry) and a confirmation with the
 * case number. Server validation errors land under their fields (role=alert) and the first gets the focus.
 */
import { Alert, Breadcrumb, Button, Form, Input, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, setCsrfToken } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, casesApi, newIdempotencyKey, type CaseDetail, type PrefillConsentState, type PrefilledField } from '../../../services/cases/casesApi';
import { ConsentPanel } from '../../../services/cases/PrefillConsent';
import '../../../services/cases/cases.css';
import { checkRequired, focusFirstError, SchemaFields, serverFieldErrors, toSubmission, type FieldErrors, type FormSchema, type FormValues } from '../../../services/cases/SchemaForm';
import { usePortalSignIn } from '../../usePortalSignIn';
import { accountsApi, type HallIdentity } from './accountsApi';
import { itemsApi, type ItemDetail, type ServiceItem } from './itemsApi';

type ApplyItem = ServiceItem & { formSchema?: FormSchema; requiresVerifiedIdentity?: boolean; applicantKinds?: string[] };
type Who = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'no-identity' } | { kind: 'identity'; identity: HallIdentity } | { kind: 'failed'; error: unknown };

const ID_PREFIX = 'apply';
const EXTENSIONS = /\.(pdf|jpe?g|png|ofd)$/i;

interface PickedFile {
  file: File;
  progress: number;
  error: MessageId | null;
  serverError?: string;
  done: boolean;
}

/** Sign in without leaving the page (the return path is this page), or go and sign up and come back. */
function SignInSection({ returnPath, onSignedIn }: { returnPath: string; onSignedIn(): void }) {
  const { t } = useI18n();
  const { phone, setPhone, password, setPassword, failed, busy, submit } = usePortalSignIn(onSignedIn);
  return (
    <section className="cases-section" aria-labelledby="apply-signin">
      <h2 id="apply-signin">{t('services.cases.apply.signInTitle')}</h2>
      <Typography.Paragraph>{t('services.cases.apply.signInFirst')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit()} className="cases-form">
        {failed && <Alert type="error" showIcon role="alert" message={t('services.accounts.me.signInFailed')} style={{ marginBottom: 12 }} />}
        <Form.Item label={t('services.accounts.phone')} htmlFor="apply-signin-phone">
          <Input id="apply-signin-phone" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="username" inputMode="tel" />
        </Form.Item>
        <Form.Item label={t('services.accounts.password')} htmlFor="apply-signin-password">
          <Input.Password id="apply-signin-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            {t('services.accounts.signIn')}
          </Button>
          <Link to={`/portal/services/signup?next=${encodeURIComponent(returnPath)}`}>{t('services.cases.apply.signUp')}</Link>
        </Space>
      </Form>
    </section>
  );
}

function Confirmation({ created, uploads }: { created: CaseDetail; uploads: PickedFile[] }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const failed = uploads.filter((u) => !u.done);
  return (
    <section className="portal-page cases-page" aria-labelledby="apply-done">
      <div className="cases-confirmation" role="status">
        <h1 id="apply-done" tabIndex={-1} ref={heading}>
          {t('services.cases.apply.doneTitle')}
        </h1>
        <p>{t('services.cases.apply.caseNumber')}</p>
        <p className="cases-number" data-testid="case-number">
          {created.number}
        </p>
      </div>
      <p>{t('services.cases.apply.doneNext', { item: created.item.name[locale], days: created.promisedDays })}</p>
      {failed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('services.cases.apply.uploadsFailed')}
          description={failed.map((f) => `${f.file.name}${f.serverError ? `: ${f.serverError}` : ''}`).join('；')}
        />
      )}
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          size="large"
          href={`/portal/services/cases/${created.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/portal/services/cases/${created.id}`);
          }}
        >
          {t('services.cases.apply.viewCase')}
        </Button>
        <Link to="/portal/services/cases">{t('services.cases.my.title')}</Link>
      </Space>
    </section>
  );
}

export default function ApplyPage() {
  const { t, locale } = useI18n();
  usePageTitle('services.cases.apply.title');
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const returnPath = `/portal/services/apply/${encodeURIComponent(code)}`;
  const [detail, setDetail] = useState<ItemDetail>();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [who, setWho] = useState<Who>({ kind: 'loading' });
  const [prefill, setPrefill] = useState<Record<string, PrefilledField>>({});
  /** What prefill would look up, while the applicant has not answered the consent panel. */
  const [consentAsk, setConsentAsk] = useState<PrefillConsentState | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ id: MessageId; vars?: Record<string, string | number>; caseId?: number } | null>(null);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<CaseDetail | null>(null);
  const keyRef = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    itemsApi.item(code, locale).then(
      (d) => !cancelled && setDetail(d),
      (e: unknown) => !cancelled && setLoadError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [code, locale]);

  const loadPrefill = useCallback(async () => {
    const p = await casesApi.prefill(code);
    setPrefill(p.fields);
    setValues((v) => {
      const next = { ...v };
      for (const [k, f] of Object.entries(p.fields)) if (next[k] === undefined && f.value !== null && f.value !== undefined) next[k] = String(f.value);
      return next;
    });
  }, [code]);

  const loadWho = useCallback(async () => {
    try {
      setCsrfToken((await api.session()).csrfToken);
      const identity = await accountsApi.me();
      setWho({ kind: 'identity', identity });
      try {
        // Prefill looks the applicant's data up through the exchange only after their consent.
        const state = await casesApi.prefillConsent(code);
        if (state.datasets.length === 0) setPrefill({});
        else if (state.consent) await loadPrefill();
        else setConsentAsk(state);
      } catch {
        // Prefill is a convenience: without it the applicant types the fields.
        setPrefill({});
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setWho({ kind: 'signed-out' });
      else if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setWho({ kind: 'no-identity' });
      else setWho({ kind: 'failed', error: e });
    }
  }, [code, loadPrefill]);

  useEffect(() => {
    void loadWho();
  }, [loadWho]);

  if (loadError !== null) return <ErrorAlert error={loadError} className="portal-page" />;
  if (!detail) return <PageSpinner />;
  if (created) return <Confirmation created={created} uploads={files} />;

  const item = detail.item as ApplyItem;
  const schema: FormSchema = item.formSchema ?? {};
  const identity = who.kind === 'identity' ? who.identity : null;
  const blockedByVerification = identity !== null && item.requiresVerifiedIdentity === true && identity.verification.status !== 'verified';
  const wrongKind = identity !== null && item.applicantKinds !== undefined && !item.applicantKinds.includes(identity.subjectKind);
  const canSubmit = identity !== null && !blockedByVerification && !wrongKind && detail.online;

  const change = (name: string, value: string) => {
    keyRef.current = null; // a changed form is a new submission
    setValues((v) => ({ ...v, [name]: value }));
    if (errors[name]) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)));
  };

  const pickFiles = (list: FileList | null) => {
    if (!list) return;
    const picked: PickedFile[] = [...list].map((file) => ({
      file,
      progress: 0,
      done: false,
      error: !EXTENSIONS.test(file.name) ? 'services.cases.attach.badType' : file.size > ATTACHMENT_MAX_BYTES ? 'services.cases.attach.tooLarge' : null,
    }));
    setFiles((f) => [...f.filter((x) => !x.error), ...picked]);
  };

  const submit = async () => {
    if (submitting) return;
    setFailure(null);
    setNotice(null);
    const required = checkRequired(schema, values);
    if (Object.keys(required).length > 0) {
      setErrors(required);
      focusFirstError(schema, required, ID_PREFIX);
      return;
    }
    if (files.some((f) => f.error)) {
      setNotice({ id: 'services.cases.attach.fixFirst' });
      return;
    }
    setSubmitting(true);
    keyRef.current ??= newIdempotencyKey();
    try {
      let c = await casesApi.submit(code, toSubmission(schema, values), keyRef.current);
      const uploads = [...files];
      for (let i = 0; i < uploads.length; i++) {
        const u = uploads[i]!;
        try {
          c = await casesApi.uploadAttachment(c.id, 'material', u.file, (fraction) => setFiles((fs) => fs.map((x) => (x.file === u.file ? { ...x, progress: fraction } : x))));
          uploads[i] = { ...u, progress: 1, done: true };
        } catch (e) {
          uploads[i] = { ...u, serverError: e instanceof Error ? e.message : String(e) };
        }
        setFiles([...uploads]);
      }
      keyRef.current = null;
      setCreated(c);
      window.scrollTo(0, 0);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation_failed') {
        const { errors: fieldErrors, unplaced } = serverFieldErrors(schema, e.details);
        setErrors(fieldErrors);
        focusFirstError(schema, fieldErrors, ID_PREFIX);
        if (unplaced.length) setFailure(e);
        keyRef.current = null;
      } else if (e instanceof ApiError && e.code === 'duplicate') {
        const d = e.details as { caseId?: number; number?: string } | undefined;
        setNotice({ id: 'services.cases.apply.duplicate', vars: { number: d?.number ?? '' }, ...(d?.caseId ? { caseId: d.caseId } : {}) });
      } else if (e instanceof ApiError && e.code === 'identity_pending') {
        setNotice({ id: 'services.cases.apply.pendingExplain' });
      } else {
        // Network errors and 5xx: the same key is sent again when the applicant retries.
        setFailure(e);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="portal-page cases-page" aria-labelledby="apply-title">
      <Breadcrumb
        items={[
          { title: <Link to="/portal/services">{t('portal.services.title')}</Link> },
          { title: <Link to={`/portal/services/items/${encodeURIComponent(code)}`}>{detail.title}</Link> },
        ]}
      />
      <h1 id="apply-title" className="section-title">
        {t('services.cases.apply.heading', { item: detail.title })}
      </h1>

      {who.kind === 'loading' && <Spin aria-label={t('common.loading')} />}
      {who.kind === 'failed' && <ErrorAlert error={who.error} onRetry={() => void loadWho()} />}
      {who.kind === 'signed-out' && <SignInSection returnPath={returnPath} onSignedIn={() => void loadWho()} />}
      {who.kind === 'no-identity' && (
        <Alert type="info" showIcon message={t('services.cases.apply.noIdentity')} description={<Link to={`/portal/services/signup?next=${encodeURIComponent(returnPath)}`}>{t('services.cases.apply.signUp')}</Link>} />
      )}

      {identity && (
        <>
          <section className="cases-section" aria-labelledby="apply-who">
            <h2 id="apply-who">{t('services.cases.apply.who')}</h2>
            <p>
              {identity.name} · {t(`services.accounts.idType.${identity.idType}`)} {identity.idMasked}{' '}
              <Tag color={identity.verification.status === 'verified' ? 'success' : identity.verification.status === 'pending' ? 'processing' : 'error'}>{t(`services.accounts.status.${identity.verification.status}`)}</Tag>
            </p>
            {blockedByVerification && (
              <Alert
                type="warning"
                showIcon
                role="alert"
                message={t(identity.verification.status === 'pending' ? 'services.cases.apply.pendingTitle' : 'services.cases.apply.rejectedTitle')}
                description={
                  <>
                    {t('services.cases.apply.pendingExplain')} <Link to="/portal/services/me">{t('services.cases.apply.checkIdentity')}</Link>
                  </>
                }
              />
            )}
            {wrongKind && <Alert type="warning" showIcon role="alert" message={t('services.cases.apply.wrongKind')} />}
          </section>

          <Form layout="vertical" className="cases-form" onFinish={() => void submit()} requiredMark={false}>
            <section className="cases-section" aria-labelledby="apply-form">
              <h2 id="apply-form">{t('services.cases.apply.formTitle')}</h2>
              {consentAsk && canSubmit && (
                <ConsentPanel
                  purpose={consentAsk.purpose}
                  datasets={consentAsk.datasets}
                  onAllow={async (validDays) => {
                    await casesApi.consentToPrefill(code, validDays);
                    setConsentAsk(null);
                    await loadPrefill();
                  }}
                  onDecline={() => setConsentAsk(null)}
                />
              )}
              {Object.keys(prefill).length > 0 && <Typography.Paragraph type="secondary">{t('services.cases.apply.prefillIntro')}</Typography.Paragraph>}
              <SchemaFields
                schema={schema}
                values={values}
                onChange={change}
                errors={errors}
                prefill={Object.fromEntries(Object.entries(prefill).filter(([k, f]) => String(f.value) === values[k]).map(([k, f]) => [k, f.source]))}
                idPrefix={ID_PREFIX}
                disabled={!canSubmit}
              />
            </section>

            <section className="cases-section" aria-labelledby="apply-attachments">
              <h2 id="apply-attachments">{t('services.cases.attach.title')}</h2>
              <Typography.Paragraph type="secondary">{t('services.cases.attach.hint')}</Typography.Paragraph>
              <label htmlFor="apply-files" className="cases-file-label">
                {t('services.cases.attach.choose')}
              </label>
              <input id="apply-files" type="file" multiple accept={ATTACHMENT_ACCEPT} disabled={!canSubmit || submitting} onChange={(e) => pickFiles(e.target.files)} className="cases-file-input" />
              <ul className="cases-files">
                {files.map((f, i) => (
                  <li key={`${f.file.name}-${i}`}>
                    <span>{f.file.name}</span>
                    {f.error ? (
                      <span role="alert" className="cases-file-error">
                        {t(f.error)}
                      </span>
                    ) : (
                      (submitting || f.done) && <Progress percent={Math.round(f.progress * 100)} size="small" aria-label={t('services.cases.attach.progress', { name: f.file.name })} />
                    )}
                    <Button size="small" type="link" onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))} disabled={submitting}>
                      {t('services.cases.attach.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            </section>

            <section className="cases-section" aria-labelledby="apply-submit">
              <h2 id="apply-submit">{t('services.cases.apply.submitTitle')}</h2>
              {Object.keys(errors).length > 0 && (
                <Alert type="error" showIcon role="alert" message={t('services.cases.apply.fixErrors', { count: Object.keys(errors).length })} style={{ marginBottom: 12 }} />
              )}
              {notice && (
                <Alert
                  type="warning"
                  showIcon
                  role="alert"
                  message={t(notice.id, notice.vars)}
                  description={notice.caseId ? <Link to={`/portal/services/cases/${notice.caseId}`}>{t('services.cases.apply.viewCase')}</Link> : undefined}
                  style={{ marginBottom: 12 }}
                />
              )}
              {failure !== null && <ErrorAlert error={failure} className="cases-failure" />}
              <Typography.Paragraph>{t('services.cases.apply.declaration')}</Typography.Paragraph>
              <Button type="primary" htmlType="submit" size="large" block disabled={!canSubmit || submitting} loading={submitting}>
                {t('services.cases.apply.submit')}
              </Button>
              <Button type="link" onClick={() => navigate(`/portal/services/items/${encodeURIComponent(code)}`)}>
                {t('services.cases.apply.back')}
              </Button>
            </section>
          </Form>
        </>
      )}
    </section>
  );
}


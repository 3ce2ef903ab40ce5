/**
 * /portal/benefits — 我的免申即享: the benefits the government found the signed-in person (or company)
 * entitled to and the funding department confirmed. One card per payout: amount, policy, the figures in
 * plain words, its state; the authorisation (免申即享授权: consent text, bank account in the person's
 * name) while it is allowed, and decline. Mobile first; errors from the server land under their fields.
 */
import { Alert, Button, Card, Checkbox, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { usePortalSignIn } from '../../usePortalSignIn';
import { formatYuan, payoutsApi, type Payout, type PayoutState } from '../../../benefits/payoutsApi';
import './benefits.css';

const STATE_COLOR: Record<PayoutState, string> = {
  offered: 'default',
  confirmed: 'blue',
  notified: 'blue',
  authorised: 'cyan',
  in_batch: 'geekblue',
  paid: 'green',
  failed: 'red',
  declined: 'default',
  excluded: 'default',
};

/** The portal's words for a state (what the person has to do, or what happens next). */
export function PortalStateTag({ state }: { state: PayoutState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{t(`portal.benefits.state.${state}` as MessageId)}</Tag>;
}

interface SubsidyFigures {
  mainlandTaxCny?: number;
  taiwanTaxCny?: number;
  taiwanTaxTwd?: number;
  subsidyCny?: number;
}

const cny = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The calculator's figures in words, when the policy's formula called the subsidy calculator (the engine's `calculations`). */
function Figures({ figures }: { figures: unknown }) {
  const { t } = useI18n();
  const all = (figures ?? {}) as SubsidyFigures & { calculations?: SubsidyFigures[] };
  const f = all.calculations?.[0] ?? all;
  if (typeof f.mainlandTaxCny !== 'number' || typeof f.taiwanTaxCny !== 'number' || typeof f.subsidyCny !== 'number') return null;
  return (
    <dl className="benefits-figures">
      <dt>{t('portal.benefits.figures.mainland')}</dt>
      <dd>¥{cny(f.mainlandTaxCny)}</dd>
      <dt>{t('portal.benefits.figures.taiwan')}</dt>
      <dd>
        ¥{cny(f.taiwanTaxCny)}
        {typeof f.taiwanTaxTwd === 'number' && <span className="benefits-muted"> {t('portal.benefits.figures.twd', { amount: f.taiwanTaxTwd.toLocaleString('en-US') })}</span>}
      </dd>
      <dt>{t('portal.benefits.figures.difference')}</dt>
      <dd>¥{cny(f.subsidyCny)}</dd>
    </dl>
  );
}

type FieldErrors = Partial<Record<'bankName' | 'accountNo' | 'accountName' | 'agree', string>>;

function AuthoriseForm({ payout, consentVersion, onDone }: { payout: Payout; consentVersion: string; onDone(p: Payout): void }) {
  const { t, locale } = useI18n();
  const id = `authorise-${payout.id}`;
  const [bankName, setBankName] = useState(payout.authorisation?.bankName ?? '');
  const [accountNo, setAccountNo] = useState('');
  const [accountName, setAccountName] = useState(payout.subject.displayName);
  const [agree, setAgree] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const check = (): FieldErrors => {
    const e: FieldErrors = {};
    if (bankName.trim().length < 2) e.bankName = t('portal.benefits.authorise.bankNameRequired');
    if (!/^\d{12,30}$/.test(accountNo.replace(/[\s-]/g, ''))) e.accountNo = t('portal.benefits.authorise.accountNoFormat');
    if (accountName.trim() === '') e.accountName = t('portal.benefits.authorise.accountNameRequired');
    if (!agree) e.agree = t('portal.benefits.authorise.agreeRequired');
    return e;
  };

  const submit = async () => {
    const e = check();
    setErrors(e);
    setFailure(null);
    if (Object.keys(e).length > 0) {
      document.getElementById(`${id}-${Object.keys(e)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await payoutsApi.authorise(payout.id, { bankName: bankName.trim(), accountNo: accountNo.replace(/[\s-]/g, ''), accountName: accountName.trim(), consentVersion, agree: true }));
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) {
        const server: FieldErrors = {};
        for (const d of err.details as { field: string; reason: string }[]) {
          if (d.field === 'accountName' && d.reason === 'name_mismatch') server.accountName = t('portal.benefits.authorise.nameMismatch');
          else if (d.field === 'accountNo') server.accountNo = t('portal.benefits.authorise.accountNoFormat');
          else if (d.field === 'bankName') server.bankName = t('portal.benefits.authorise.bankNameRequired');
        }
        if (Object.keys(server).length > 0) setErrors(server);
        else setFailure(err);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const help = (field: keyof FieldErrors) =>
    errors[field] ? (
      <span role="alert" id={`${id}-${field}-error`}>
        {errors[field]}
      </span>
    ) : undefined;

  return (
    <Form layout="vertical" className="benefits-form" onFinish={() => void submit()} aria-label={t('portal.benefits.authorise.title')}>
      <h3>{t('portal.benefits.authorise.title')}</h3>
      <div className="benefits-consent" id={`${id}-consent`}>
        <Typography.Paragraph>{t('portal.benefits.consent.text', { policy: payout.policyName[locale], amount: formatYuan(payout.amountFen) })}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('portal.benefits.consent.version', { version: consentVersion })}</Typography.Text>
      </div>
      {failure !== null && <ErrorAlert error={failure} />}
      <Form.Item label={t('portal.benefits.authorise.bankName')} htmlFor={`${id}-bankName`} validateStatus={errors.bankName ? 'error' : undefined} help={help('bankName')}>
        <Input id={`${id}-bankName`} value={bankName} onChange={(e) => setBankName(e.target.value)} autoComplete="off" placeholder={t('portal.benefits.authorise.bankNamePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('portal.benefits.authorise.accountNo')} htmlFor={`${id}-accountNo`} validateStatus={errors.accountNo ? 'error' : undefined} help={help('accountNo')} extra={t('portal.benefits.authorise.accountNoHint')}>
        <Input id={`${id}-accountNo`} value={accountNo} onChange={(e) => setAccountNo(e.target.value)} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('portal.benefits.authorise.accountName')} htmlFor={`${id}-accountName`} validateStatus={errors.accountName ? 'error' : undefined} help={help('accountName')} extra={t('portal.benefits.authorise.accountNameHint')}>
        <Input id={`${id}-accountName`} value={accountName} onChange={(e) => setAccountName(e.target.value)} autoComplete="name" />
      </Form.Item>
      <Form.Item validateStatus={errors.agree ? 'error' : undefined} help={help('agree')}>
        <Checkbox id={`${id}-agree`} checked={agree} onChange={(e) => setAgree(e.target.checked)} aria-describedby={`${id}-consent`}>
          {t('portal.benefits.authorise.agree')}
        </Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} size="large" block>
        {t('portal.benefits.authorise.submit')}
      </Button>
    </Form>
  );
}

function PayoutCard({ payout, consentVersion, highlighted, onChange }: { payout: Payout; consentVersion: string; highlighted: boolean; onChange(p: Payout): void }) {
  const { t, locale } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const canAuthorise = ['confirmed', 'notified', 'failed', 'authorised'].includes(payout.state);
  const canDecline = payout.state === 'confirmed' || payout.state === 'notified';
  const decline = async () => {
    setError(null);
    try {
      onChange(await payoutsApi.decline(payout.id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card className={`benefits-card${highlighted ? ' benefits-card-highlight' : ''}`} data-testid={`payout-${payout.id}`}>
      <h2 className="benefits-card-title">{payout.policyName[locale]}</h2>
      <p className="benefits-amount">
        <span className="benefits-muted">{t('portal.benefits.amount')}</span> ¥{formatYuan(payout.amountFen)}
      </p>
      <p>
        <PortalStateTag state={payout.state} /> <span className="benefits-muted">{t('portal.benefits.period', { period: payout.period })}</span>
      </p>
      <Figures figures={payout.figures} />
      {payout.state === 'paid' && <Alert type="success" showIcon message={t('portal.benefits.paidOn', { date: (payout.paidAt ?? '').slice(0, 10), account: payout.authorisation?.accountMasked ?? '' })} />}
      {payout.state === 'failed' && <Alert type="warning" showIcon role="alert" message={t('portal.benefits.failedReason', { reason: payout.reason ?? '' })} />}
      {(payout.state === 'authorised' || payout.state === 'in_batch') && payout.authorisation && (
        <p className="benefits-muted">{t('portal.benefits.authorisedTo', { bank: payout.authorisation.bankName, account: payout.authorisation.accountMasked })}</p>
      )}
      {error !== null && <ErrorAlert error={error} />}
      {canAuthorise && payout.state !== 'authorised' && <AuthoriseForm payout={payout} consentVersion={consentVersion} onDone={onChange} />}
      {canDecline && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          {declining ? (
            <Space wrap>
              <span>{t('portal.benefits.declineConfirm')}</span>
              <Button danger onClick={() => void decline()}>
                {t('portal.benefits.declineYes')}
              </Button>
              <Button onClick={() => setDeclining(false)}>{t('portal.benefits.declineNo')}</Button>
            </Space>
          ) : (
            <Button type="link" onClick={() => setDeclining(true)}>
              {t('portal.benefits.decline')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}

function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const { t } = useI18n();
  const { phone, setPhone, password, setPassword, failed, busy, submit } = usePortalSignIn(onSignedIn);
  return (
    <Form layout="vertical" onFinish={() => void submit()} className="benefits-form">
      <Typography.Paragraph>{t('portal.benefits.signInFirst')}</Typography.Paragraph>
      {failed && <Alert type="error" showIcon role="alert" message={t('services.accounts.me.signInFailed')} style={{ marginBottom: 12 }} />}
      <Form.Item label={t('portal.benefits.username')} htmlFor="benefits-signin-user">
        <Input id="benefits-signin-user" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="username" />
      </Form.Item>
      <Form.Item label={t('services.accounts.password')} htmlFor="benefits-signin-password">
        <Input.Password id="benefits-signin-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          {t('services.accounts.signIn')}
        </Button>
        <Link to={`/portal/services/signup?next=${encodeURIComponent('/portal/benefits')}`}>{t('services.cases.apply.signUp')}</Link>
      </Space>
    </Form>
  );
}

export default function MyBenefitsPage() {
  const { t } = useI18n();
  usePageTitle('portal.benefits.title');
  const [params] = useSearchParams();
  const highlighted = Number(params.get('payout') ?? 0);
  const [data, setData] = useState<{ items: Payout[]; consentVersion: string; hasIdentity: boolean; verification: string | null } | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await payoutsApi.my());
      setSignedOut(false);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setSignedOut(true);
      else setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const replace = (p: Payout) => setData((d) => d && { ...d, items: d.items.map((x) => (x.id === p.id ? p : x)) });

  return (
    <section className="portal-page benefits-page" aria-labelledby="benefits-title">
      <h1 id="benefits-title" className="section-title">
        {t('portal.benefits.title')}
      </h1>
      <Typography.Paragraph className="benefits-lead">{t('portal.benefits.lead')}</Typography.Paragraph>
      {signedOut && <SignIn onSignedIn={() => void load()} />}
      {error !== null && <ErrorAlert error={error} onRetry={() => void load()} />}
      {data === null && !signedOut && error === null && <Spin aria-label={t('common.loading')} />}
      {data && !data.hasIdentity && (
        <Alert type="info" showIcon message={t('portal.benefits.noIdentity')} description={<Link to={`/portal/services/signup?next=${encodeURIComponent('/portal/benefits')}`}>{t('services.cases.apply.signUp')}</Link>} />
      )}
      {data && data.hasIdentity && data.verification !== 'verified' && (
        <Alert type="warning" showIcon message={t('portal.benefits.notVerified')} description={<Link to="/portal/services/me">{t('services.accounts.me.title')}</Link>} />
      )}
      {data && data.hasIdentity && data.verification === 'verified' && data.items.length === 0 && <Alert type="info" showIcon message={t('portal.benefits.empty')} />}
      {data && (
        <div className="benefits-list">
          {data.items.map((p) => (
            <PayoutCard key={p.id} payout={p} consentVersion={data.consentVersion} highlighted={p.id === highlighted} onChange={replace} />
          ))}
        </div>
      )}
    </section>
  );
}

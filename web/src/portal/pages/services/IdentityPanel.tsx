/**
 * "My identity" (实名核验) panel: the signed-in user's document, masked, and its verification status,
 * with "verify again" while pending or rejected. Self-contained (it fetches the session's CSRF token and
 * offers a sign-in form when nobody is signed in), so the service hall can embed it on any page.
 */
import { Alert, Button, Descriptions, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, setCsrfToken } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, type MessageId } from '../../../i18n/i18n';
import { accountsApi, type HallIdentity, type VerificationStatus } from './accountsApi';

const STATUS_COLOR: Record<VerificationStatus, string> = { verified: 'success', pending: 'processing', rejected: 'error' };

type Loaded = { kind: 'identity'; identity: HallIdentity } | { kind: 'signed-out' } | { kind: 'no-identity' } | { kind: 'failed'; error: unknown };

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const submit = async () => {
    setFailed(false);
    try {
      const r = await api.login(phone.trim(), password);
      setCsrfToken(r.csrfToken);
      onSignedIn();
    } catch {
      setFailed(true);
    }
  };
  return (
    <Form layout="vertical" className="accounts-form" onFinish={() => void submit()}>
      <Typography.Paragraph>{t('services.accounts.me.signInFirst')}</Typography.Paragraph>
      {failed && <Alert type="error" showIcon role="alert" message={t('services.accounts.me.signInFailed')} />}
      <Form.Item label={t('services.accounts.phone')} htmlFor="identity-signin-phone">
        <Input id="identity-signin-phone" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="username" inputMode="tel" />
      </Form.Item>
      <Form.Item label={t('services.accounts.password')} htmlFor="identity-signin-password">
        <Input.Password id="identity-signin-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('services.accounts.signIn')}
        </Button>
        <Link to="/portal/services/signup">{t('services.accounts.me.signupLink')}</Link>
      </Space>
    </Form>
  );
}

export function IdentityPanel() {
  const { t } = useI18n();
  const [state, setState] = useState<Loaded | null>(null);
  const [retryNote, setRetryNote] = useState<MessageId | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setCsrfToken((await api.session()).csrfToken);
      setState({ kind: 'identity', identity: await accountsApi.me() });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState({ kind: 'signed-out' });
      else if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setState({ kind: 'no-identity' });
      else setState({ kind: 'failed', error: e });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const retry = async () => {
    setBusy(true);
    setRetryNote(null);
    try {
      setState({ kind: 'identity', identity: await accountsApi.verify() });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setRetryNote('services.accounts.retryTooSoon');
      else setState({ kind: 'failed', error: e });
    } finally {
      setBusy(false);
    }
  };

  if (state === null) return <Spin aria-label={t('common.loading')} />;
  if (state.kind === 'signed-out') return <SignIn onSignedIn={() => void load()} />;
  if (state.kind === 'no-identity') return <Alert type="info" showIcon message={t('services.accounts.me.noIdentity')} />;
  if (state.kind === 'failed') return <ErrorAlert error={state.error} onRetry={() => void load()} />;

  const { identity } = state;
  const v = identity.verification;
  return (
    <div className="accounts-identity">
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('services.accounts.me.subject')}>{t(`services.accounts.subject.${identity.subjectKind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('services.accounts.idType')}>{t(`services.accounts.idType.${identity.idType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('services.accounts.me.idNumber')}>{identity.idMasked}</Descriptions.Item>
        <Descriptions.Item label={identity.subjectKind === 'company' ? t('services.accounts.companyName') : t('services.accounts.name')}>{identity.name}</Descriptions.Item>
        {identity.contactName && <Descriptions.Item label={t('services.accounts.contactName')}>{identity.contactName}</Descriptions.Item>}
        <Descriptions.Item label={t('services.accounts.phone')}>{identity.phoneMasked}</Descriptions.Item>
        <Descriptions.Item label={t('services.accounts.status')}>
          <span role="status">
            <Tag color={STATUS_COLOR[v.status]}>{t(`services.accounts.status.${v.status}`)}</Tag>
            {v.reason && v.status !== 'verified' && t(`services.accounts.statusReason.${v.reason}` as MessageId)}
          </span>
        </Descriptions.Item>
        {v.verifiedAt && <Descriptions.Item label={t('services.accounts.me.verifiedAt')}>{new Date(v.verifiedAt).toLocaleString()}</Descriptions.Item>}
      </Descriptions>
      {identity.allowedActions.includes('verify') && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <Button onClick={() => void retry()} loading={busy}>
            {t('services.accounts.retry')}
          </Button>
          {retryNote && <span role="alert">{t(retryNote)}</span>}
        </Space>
      )}
    </div>
  );
}

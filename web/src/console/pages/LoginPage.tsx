import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { Brand } from '../../components/Brand';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { SkipLink } from '../../components/SkipLink';
import { useI18n, usePageTitle, type MessageId } from '../../i18n/i18n';
import { useSession } from '../../session';

interface Credentials {
  username: string;
  password: string;
}

/** Where to go after signing in: only a console path of this site, never the login page itself. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/console') || next.startsWith('/console/login')) return '/console';
  return next;
}

const knownErrors = new Map<string, MessageId>([
  ['invalid_credentials', 'login.invalid'],
  ['too_many_requests', 'login.tooMany'],
]);

export default function LoginPage() {
  const { t } = useI18n();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  usePageTitle('login.title');

  const next = safeNext(params.get('next'));
  if (user && !submitting) return <Navigate to={next} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const known = error instanceof ApiError ? knownErrors.get(error.code) : undefined;

  return (
    <div className="login-page">
      <SkipLink />
      <header className="login-header">
        <Brand to="/portal" />
        <LanguageSwitcher className="lang-select" />
      </header>
      <main id="main" tabIndex={-1} className="login-main">
        <Card className="login-card">
          <h1 className="login-title">{t('login.title')}</h1>
          <p className="login-subtitle">{t('login.subtitle')}</p>
          {known && <Alert className="login-error" type="error" showIcon message={t(known)} />}
          {error !== null && !known && <ErrorAlert className="login-error" error={error} />}
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting}>
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" spellCheck={false} size="large" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <p className="login-back">
            <Link to="/portal">{t('login.backToPortal')}</Link>
          </p>
        </Card>
      </main>
    </div>
  );
}

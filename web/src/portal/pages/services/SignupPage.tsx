/**
 * Service-hall sign-up (public): Taiwan resident (居住证 or 台胞证), mainland resident (公民身份号码) or
 * company (统一社会信用代码). The server checks every field and names the reason; each reason is shown
 * under its field and announced (role=alert). After sign-up the user is signed in with the mobile number.
 */
import { Alert, Button, Form, Input, Radio, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, setCsrfToken } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle, type MessageId } from '../../../i18n/i18n';
import { accountsApi, fieldReasons, type FieldReason, type SubjectKind } from './accountsApi';
import './services-accounts.css';

interface FieldSpec {
  name: string;
  label: MessageId;
  hint?: MessageId;
  autoComplete: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  password?: boolean;
}

const PHONE = (hint: MessageId): FieldSpec => ({ name: 'phone', label: 'services.accounts.phone', hint, autoComplete: 'tel', inputMode: 'tel' });
const PASSWORD: FieldSpec = { name: 'password', label: 'services.accounts.password', hint: 'services.accounts.passwordHint', autoComplete: 'new-password', password: true };

function fieldsOf(kind: SubjectKind, idType: string): FieldSpec[] {
  if (kind === 'taiwan_resident') {
    const permit = idType === 'residence_permit';
    return [
      {
        name: 'idNumber',
        label: permit ? 'services.accounts.idNumber.residence_permit' : 'services.accounts.idNumber.mtp',
        hint: permit ? 'services.accounts.hint.residence_permit' : 'services.accounts.hint.mtp',
        autoComplete: 'off',
        inputMode: permit ? 'text' : 'numeric',
      },
      { name: 'name', label: 'services.accounts.name', autoComplete: 'name' },
      PHONE('services.accounts.phoneHint.taiwan'),
      PASSWORD,
    ];
  }
  if (kind === 'mainland_resident')
    return [
      { name: 'idNumber', label: 'services.accounts.idNumber.resident_id', hint: 'services.accounts.hint.resident_id', autoComplete: 'off' },
      { name: 'name', label: 'services.accounts.name', autoComplete: 'name' },
      PHONE('services.accounts.phoneHint.mainland'),
      PASSWORD,
    ];
  return [
    { name: 'uscc', label: 'services.accounts.idType.uscc', hint: 'services.accounts.hint.uscc', autoComplete: 'off' },
    { name: 'companyName', label: 'services.accounts.companyName', autoComplete: 'organization' },
    { name: 'contactName', label: 'services.accounts.contactName', autoComplete: 'name' },
    PHONE('services.accounts.phoneHint.mainland'),
    PASSWORD,
  ];
}

function SignupForm({ kind }: { kind: SubjectKind }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  // Where sign-up was started from (e.g. an application form); only a portal path of this site.
  const nextParam = useSearchParams()[0].get('next');
  const next = nextParam && nextParam.startsWith('/portal/') && !nextParam.startsWith('//') ? nextParam : null;
  const [values, setValues] = useState<Record<string, string>>({ idType: 'residence_permit' });
  const [refused, setRefused] = useState<Record<string, FieldReason>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldsOf(kind, values.idType ?? 'residence_permit');
  const id = (name: string) => `signup-${kind}-${name}`;

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    setRefused({});
    const body: Record<string, string> = { kind, locale };
    if (kind === 'taiwan_resident') body.idType = values.idType ?? 'residence_permit';
    for (const f of fields) body[f.name] = values[f.name] ?? '';
    try {
      const created = await accountsApi.signup(body);
      try {
        const session = await api.login(created.username, body.password!);
        setCsrfToken(session.csrfToken);
      } catch {
        // Signed up but not signed in: the identity page offers the sign-in form.
      }
      navigate(next ?? '/portal/services/me', { state: { signedUp: true } });
    } catch (e) {
      const reasons = fieldReasons(e);
      if (reasons) setRefused(reasons);
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" className="accounts-form" onFinish={() => void submit()} requiredMark={false}>
      {failure !== null && <ErrorAlert error={failure} />}
      {kind === 'taiwan_resident' && (
        <Form.Item label={t('services.accounts.idType')}>
          <div role="radiogroup" aria-label={t('services.accounts.idType')}>
            <Radio.Group
              value={values.idType}
              onChange={(e) => setValues((v) => ({ ...v, idType: e.target.value as string, idNumber: '' }))}
              optionType="button"
              options={[
                { value: 'residence_permit', label: t('services.accounts.idType.residence_permit') },
                { value: 'mtp', label: t('services.accounts.idType.mtp') },
              ]}
            />
          </div>
        </Form.Item>
      )}
      {fields.map((f) => {
        const reason = refused[f.name];
        const Field = f.password ? Input.Password : Input;
        return (
          <Form.Item
            key={f.name}
            label={t(f.label)}
            htmlFor={id(f.name)}
            validateStatus={reason ? 'error' : undefined}
            help={reason ? <span role="alert">{t(`services.accounts.reason.${reason}` as MessageId)}</span> : undefined}
            extra={f.hint ? <span id={`${id(f.name)}-hint`}>{t(f.hint)}</span> : undefined}
          >
            <Field
              id={id(f.name)}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              autoComplete={f.autoComplete}
              inputMode={f.inputMode}
              aria-invalid={reason ? true : undefined}
              aria-describedby={f.hint ? `${id(f.name)}-hint` : undefined}
            />
          </Form.Item>
        );
      })}
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('services.accounts.submit')}
      </Button>
    </Form>
  );
}

export default function SignupPage() {
  const { t } = useI18n();
  usePageTitle('services.accounts.signup.title');
  const [kind, setKind] = useState<SubjectKind>('taiwan_resident');
  return (
    <section className="page-section accounts-page">
      <h1>{t('services.accounts.signup.title')}</h1>
      <Typography.Paragraph>{t('services.accounts.signup.lead')}</Typography.Paragraph>
      <Alert type="info" showIcon message={t('services.accounts.signup.usernameNote')} />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as SubjectKind)}
        aria-label={t('services.accounts.tabsLabel')}
        items={(['taiwan_resident', 'mainland_resident', 'company'] as const).map((k) => ({
          key: k,
          label: t(`services.accounts.subject.${k}`),
          children: <SignupForm key={k} kind={k} />,
        }))}
      />
      <Typography.Paragraph>
        {t('services.accounts.haveAccount')} <Link to="/portal/services/me">{t('services.accounts.signIn')}</Link>
      </Typography.Paragraph>
    </section>
  );
}

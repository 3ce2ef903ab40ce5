/**
 * 数据海关 (public, no login): what the zone's data customs is, how a transfer abroad goes through it,
 * and a clearance number box that opens the public verification page.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import '../../../customs/customs.css';
import { CLEARANCE_NO } from '../../../customs/api';
import { useI18n, usePageTitle } from '../../../i18n/i18n';

const STEPS = ['declare', 'scan', 'route', 'review', 'clearance'] as const;

export default function CustomsPortalPage() {
  const { t } = useI18n();
  usePageTitle('customs.portal.title');
  const navigate = useNavigate();
  const [no, setNo] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <div className="verify-page customs-portal">
      <h1 className="verify-title">{t('customs.portal.title')}</h1>
      <Typography.Paragraph className="verify-intro">{t('customs.portal.intro')}</Typography.Paragraph>
      <Card className="verify-card" title={<h2 className="verify-h2">{t('customs.portal.howTitle')}</h2>}>
        <Steps
          direction="vertical"
          size="small"
          current={-1}
          items={STEPS.map((s) => ({ title: t(`customs.portal.step.${s}`), description: t(`customs.portal.step.${s}.desc`) }))}
        />
        <Typography.Paragraph>
          {t('customs.portal.declareHint')} <Link to="/console/customs/declarations/new">{t('customs.portal.declareLink')}</Link>
        </Typography.Paragraph>
      </Card>
      <Card className="verify-card" title={<h2 className="verify-h2">{t('customs.portal.verifyTitle')}</h2>}>
        <Typography.Paragraph type="secondary">{t('customs.portal.verifyIntro')}</Typography.Paragraph>
        <Form
          layout="inline"
          className="verify-number-form"
          onFinish={() => {
            const value = no.trim().toUpperCase();
            if (!CLEARANCE_NO.test(value)) return setInvalid(true);
            setInvalid(false);
            navigate(`/portal/verify/clearance/${value}`);
          }}
        >
          <Form.Item
            label={t('customs.verify.numberLabel')}
            htmlFor="customs-portal-no"
            validateStatus={invalid ? 'error' : undefined}
            help={invalid ? <span role="alert">{t('customs.verify.numberInvalid')}</span> : undefined}
          >
            <Input id="customs-portal-no" value={no} onChange={(e) => setNo(e.target.value)} placeholder="CL2026000001" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined aria-hidden />}>
            {t('customs.verify.lookUp')}
          </Button>
        </Form>
        <Typography.Paragraph className="verify-block">
          <Link to="/portal/verify/clearance">{t('customs.portal.verifyDocumentLink')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

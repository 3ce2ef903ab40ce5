import { Badge, Button, Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { api } from '../../api';
import { useI18n, usePageTitle } from '../../i18n/i18n';
import { useSession } from '../../session';
import { orgName } from '../format';
import { useApi } from '../useApi';

function WelcomeCard() {
  const { user } = useSession();
  const { t, locale } = useI18n();
  if (!user) return null;
  return (
    <Card className="welcome-card">
      <h1 className="page-title">{t('home.welcome', { name: user.displayName })}</h1>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('home.org')}>{user.org ? orgName(user.org, locale) : t('console.noOrg')}</Descriptions.Item>
        <Descriptions.Item label={t('home.kind')}>{t(`userKind.${user.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('home.roles')}>
          {user.roles.length ? user.roles.map((r) => <Tag key={r}>{r}</Tag>) : t('common.none')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function StatusCard() {
  const { t } = useI18n();
  const health = useApi(() => api.health(), []);
  return (
    <Card title={<h2 className="card-title">{t('home.statusTitle')}</h2>} loading={health.loading && !health.data}>
      {health.error ? (
        <Space direction="vertical">
          <Badge status="error" text={t('home.statusDown')} />
          <Button size="small" onClick={health.reload}>
            {t('common.retry')}
          </Button>
        </Space>
      ) : (
        health.data && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('home.statusTitle')}>
              <Badge status="success" text={t('home.statusOk')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('home.dialect')}>{health.data.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}</Descriptions.Item>
            <Descriptions.Item label={t('home.version')}>{health.data.version}</Descriptions.Item>
          </Descriptions>
        )
      )}
    </Card>
  );
}

export default function HomePage() {
  usePageTitle('nav.home');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <WelcomeCard />
      </Col>
      <Col xs={24} lg={8}>
        <StatusCard />
      </Col>
    </Row>
  );
}

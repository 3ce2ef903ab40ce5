import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n, usePageTitle } from '../i18n/i18n';

export function NotFound({ home }: { home: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  usePageTitle('notFound.title');
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.subTitle')}
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

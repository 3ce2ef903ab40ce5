import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n';

export function PageSpinner() {
  const { t } = useI18n();
  return (
    <div className="page-spinner" role="status">
      <Spin tip={t('common.loading')} size="large">
        <div className="page-spinner-box" />
      </Spin>
    </div>
  );
}

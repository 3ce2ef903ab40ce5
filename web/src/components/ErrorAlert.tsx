import { Alert, Button } from 'antd';
import { ApiError } from '../api';
import { useI18n } from '../i18n/i18n';

interface Props {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

/** Shows a failed request in the user's language (role=alert, so it is announced), with an optional retry. */
export function ErrorAlert({ error, onRetry, className }: Props) {
  const { t } = useI18n();
  const description =
    error instanceof ApiError && error.code === 'network_error'
      ? t('error.network')
      : t('error.request', { message: error instanceof Error ? error.message : String(error) });
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      message={t('error.title')}
      description={description}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

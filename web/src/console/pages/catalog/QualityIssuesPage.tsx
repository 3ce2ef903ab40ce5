import { Card } from 'antd';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { IssuesTable } from './QualityPanel';

/** Quality issues assigned to the user's department (every department's for the bureau). */
export default function QualityIssuesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  usePageTitle('catalog.issuesTitle');
  return (
    <Card>
      <h1 className="page-title">{t('catalog.issuesTitle')}</h1>
      <IssuesTable canResolve={can('catalog.quality:resolve')} />
    </Card>
  );
}

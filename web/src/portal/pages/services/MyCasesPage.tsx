/** /portal/services/cases — the signed-in applicant's cases, newest first, with "load more" (keyset). */
import { Alert, Button, List, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { casesApi, type CaseSummary } from '../../../services/cases/casesApi';
import '../../../services/cases/cases.css';
import { DueTag, StateTag } from '../../../services/cases/labels';

export default function MyCasesPage() {
  const { t, locale } = useI18n();
  usePageTitle('services.cases.my.title');
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await casesApi.myCases(after ?? undefined);
      setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) setSignedOut(true);
      else setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="portal-page cases-page" aria-labelledby="my-cases-title">
      <h1 id="my-cases-title" className="section-title">
        {t('services.cases.my.title')}
      </h1>
      {signedOut && <Alert type="info" showIcon message={t('services.cases.my.signInFirst')} description={<Link to="/portal/services/me">{t('services.notify.signInLink')}</Link>} />}
      {error !== null && <ErrorAlert error={error} onRetry={() => void load(null)} />}
      {items === null && !signedOut && error === null && <Spin aria-label={t('common.loading')} />}
      {items && (
        <>
          <List
            className="cases-list"
            dataSource={items}
            locale={{ emptyText: <span>{t('services.cases.my.empty')} <Link to="/portal/services">{t('services.cases.my.findItem')}</Link></span> }}
            renderItem={(c) => (
              <List.Item>
                <div className="cases-list-item">
                  <Link to={`/portal/services/cases/${c.id}`} className="cases-list-title">
                    {c.item.name[locale]}
                  </Link>
                  <div>
                    <StateTag state={c.state} /> <DueTag due={c.due} />
                  </div>
                  <div className="cases-muted">
                    {t('services.cases.number')} {c.number} · {t('services.cases.submittedOn', { date: c.submittedAt.slice(0, 10) })}
                    {c.deadline && !c.closedAt ? ` · ${t('services.cases.deadlineOn', { date: c.deadline })}` : ''}
                  </div>
                </div>
              </List.Item>
            )}
          />
          {cursor ? (
            <Button onClick={() => void load(cursor)} loading={loading} block size="large">
              {t('common.loadMore')}
            </Button>
          ) : (
            items.length > 0 && <p className="cases-muted">{t('common.noMore')}</p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Consent to prefill (数据授权): the panel on the apply page that lists what would be looked up through
 * the data exchange — each dataset with its department, the fields and the purpose — with "allow" and
 * "fill in myself"; and the "数据授权记录" panel listing the citizen's consents and the lookups made under
 * each (with the exchange transaction id), where a consent can be revoked.
 */
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session';
import { casesApi, type ConsentDataset, type PrefillConsent } from './casesApi';

function DatasetList({ datasets }: { datasets: ConsentDataset[] }) {
  const { t } = useI18n();
  return (
    <ul className="cases-consent-datasets">
      {datasets.map((d) => (
        <li key={d.dataset} data-dataset={d.dataset}>
          <strong>{d.department}</strong> · {d.title} <Typography.Text type="secondary">（{d.dataset}）</Typography.Text>
          <div>
            {t('services.cases.consent.fields')}: {d.fields.map((f) => f.title).join('、')}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Asks before any lookup: "allow" consents and prefills; "fill in myself" closes the panel and looks nothing up. */
export function ConsentPanel({ purpose, datasets, onAllow, onDecline }: { purpose: string; datasets: ConsentDataset[]; onAllow: () => Promise<void>; onDecline: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const allow = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onAllow();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="cases-consent" aria-labelledby="consent-title" data-testid="prefill-consent">
      <h3 id="consent-title">{t('services.cases.consent.title')}</h3>
      <Typography.Paragraph>{t('services.cases.consent.explain')}</Typography.Paragraph>
      <DatasetList datasets={datasets} />
      <Typography.Paragraph>
        {t('services.cases.consent.purpose')}: {purpose}
      </Typography.Paragraph>
      {failure !== null && <ErrorAlert error={failure} />}
      <Space wrap>
        <Button type="primary" onClick={() => void allow()} loading={busy}>
          {t('services.cases.consent.allow')}
        </Button>
        <Button onClick={onDecline} disabled={busy}>
          {t('services.cases.consent.decline')}
        </Button>
      </Space>
    </section>
  );
}

/** 数据授权记录: the signed-in citizen's consents, the lookups made under each, and revoking. */
export function PrefillConsentsPanel() {
  const { t, locale } = useI18n();
  const { user, can } = useSession();
  const allowed = user !== null && can('services.cases:apply');
  const [consents, setConsents] = useState<PrefillConsent[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setConsents((await casesApi.myPrefillConsents()).items);
    } catch (e) {
      setFailure(e);
    }
  }, []);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  if (!allowed) return null;
  const revoke = async (id: number) => {
    setFailure(null);
    try {
      await casesApi.revokePrefillConsent(id);
      await load();
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <section className="cases-section" aria-labelledby="consents-title" data-testid="prefill-consents">
      <h2 id="consents-title">{t('services.cases.consent.recordsTitle')}</h2>
      {failure !== null && <ErrorAlert error={failure} />}
      {consents !== null && consents.length === 0 && <Alert type="info" message={t('services.cases.consent.none')} />}
      {(consents ?? []).map((c) => (
        <article key={c.id} className="cases-consent-record" data-consent={c.id}>
          <h3>
            {c.item.name[locale] ?? c.item.name['zh-CN']} <Tag color={c.active ? 'green' : 'default'}>{t(c.active ? 'services.cases.consent.active' : 'services.cases.consent.revoked')}</Tag>
          </h3>
          <Typography.Paragraph type="secondary">
            {t('services.cases.consent.grantedAt')}: {new Date(c.grantedAt).toLocaleString(locale)}
            {c.revokedAt ? ` · ${t('services.cases.consent.revokedAt')}: ${new Date(c.revokedAt).toLocaleString(locale)}` : ''} · {t('services.cases.consent.purpose')}: {c.purpose}
          </Typography.Paragraph>
          <DatasetList datasets={c.datasets} />
          <Table
            size="small"
            rowKey="txId"
            pagination={false}
            dataSource={c.lookups}
            locale={{ emptyText: t('services.cases.consent.noLookups') }}
            scroll={{ x: true }}
            columns={[
              { title: t('services.cases.consent.lookupAt'), dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString(locale) },
              { title: t('services.cases.consent.dataset'), dataIndex: 'dataset' },
              { title: t('services.cases.consent.outcome'), dataIndex: 'outcome' },
              { title: t('services.cases.consent.txId'), dataIndex: 'txId', render: (v: string) => <code className="cases-txid">{v}</code> },
            ]}
          />
          {c.active && (
            <Button danger onClick={() => void revoke(c.id)} style={{ marginTop: 8 }}>
              {t('services.cases.consent.revoke')}
            </Button>
          )}
        </article>
      ))}
    </section>
  );
}

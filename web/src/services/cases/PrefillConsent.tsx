/**
 * Consent to prefill (数据授权): the panel on the apply page that lists what would be looked up through
 * the data exchange — each dataset with its department, the fields and the purpose — with the consent's
 * validity (30 天 / 90 天 / 1 年, default 1 年), "allow" and "fill in myself"; and the "数据授权记录" panel
 * listing the citizen's consents (active, expired or revoked, with the expiry) and the lookups made under
 * each (with the exchange transaction id), where an active consent can be revoked.
 */
import { Alert, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type MessageId } from '../../i18n/i18n';
import { useSession } from '../../session';
import { CONSENT_VALID_DAYS, casesApi, type ConsentDataset, type ConsentValidDays, type PrefillConsent } from './casesApi';

/** The records panel's tag per status: green while active, grey once expired or revoked. */
const STATUS_TAG: Record<PrefillConsent['status'], { color: string; label: MessageId }> = {
  active: { color: 'green', label: 'services.cases.consent.active' },
  expired: { color: 'default', label: 'services.cases.consent.expired' },
  revoked: { color: 'default', label: 'services.cases.consent.revoked' },
};

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

/**
 * Asks before any lookup: "allow" consents for the chosen validity and prefills; "fill in myself" closes the
 * panel and looks nothing up.
 */
export function ConsentPanel({ purpose, datasets, onAllow, onDecline }: { purpose: string; datasets: ConsentDataset[]; onAllow: (validDays: ConsentValidDays) => Promise<void>; onDecline: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [validDays, setValidDays] = useState<ConsentValidDays>(365);
  const allow = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onAllow(validDays);
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
      <div className="cases-consent-validity">
        <span id="consent-validity-label">{t('services.cases.consent.validity')}</span>
        <div role="radiogroup" aria-labelledby="consent-validity-label" aria-describedby="consent-validity-hint">
          <Radio.Group name="consent-validity" value={validDays} onChange={(e) => setValidDays(e.target.value as ConsentValidDays)} disabled={busy}>
            {CONSENT_VALID_DAYS.map((d) => (
              <Radio key={d} value={d}>
                {t(`services.cases.consent.validDays.${d}`)}
              </Radio>
            ))}
          </Radio.Group>
        </div>
        <Typography.Text type="secondary" id="consent-validity-hint">
          {t('services.cases.consent.validityHint')}
        </Typography.Text>
      </div>
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
            {c.item.name[locale] ?? c.item.name['zh-CN']} <Tag color={STATUS_TAG[c.status].color}>{t(STATUS_TAG[c.status].label)}</Tag>
          </h3>
          <Typography.Paragraph type="secondary">
            {t('services.cases.consent.grantedAt')}: {new Date(c.grantedAt).toLocaleString(locale)} · {t('services.cases.consent.expiresAt')}: <span data-testid="consent-expires-at">{new Date(c.expiresAt).toLocaleString(locale)}</span>
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
          {c.status === 'active' && (
            <Button danger onClick={() => void revoke(c.id)} style={{ marginTop: 8 }}>
              {t('services.cases.consent.revoke')}
            </Button>
          )}
        </article>
      ))}
    </section>
  );
}

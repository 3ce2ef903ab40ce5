/**
 * The version history of the catalog or the lists: version, who, when, SM3, note; open an old version
 * read-only, or see what a version changed against the one before it (computed here from the two
 * documents).
 */
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../customs/format';
import { loadVersion, type ReferenceKind, type ReferenceVersion } from '../../../customs/referenceApi';
import { diffReference, type ItemChange } from '../../../customs/referenceDiff';
import { useI18n } from '../../../i18n/i18n';
import type { ApiState } from '../../useApi';
import { ChangeList } from './ReferenceDialogs';
import { rowData } from './referenceForm';

const keyOf = (v: ReferenceVersion) => (v.id === null ? 'shipped' : String(v.id));

export function ReferenceHistory({ kind, history, viewing, onView }: { kind: ReferenceKind; history: ApiState<{ items: ReferenceVersion[] }>; viewing: ReferenceVersion | null; onView(v: ReferenceVersion): void }) {
  const { t, locale } = useI18n();
  const items = history.data?.items ?? [];
  const [diff, setDiff] = useState<{ version: ReferenceVersion; previous: ReferenceVersion | null; changes: ItemChange[] } | null>(null);
  const [diffError, setDiffError] = useState<unknown>(null);
  const [loading, setLoading] = useState<string | null>(null);

  const showDiff = async (v: ReferenceVersion) => {
    const i = items.findIndex((x) => keyOf(x) === keyOf(v));
    const previous = items[i + 1] ?? null;
    setDiffError(null);
    setLoading(keyOf(v));
    try {
      const [after, before] = await Promise.all([loadVersion(kind, v), previous ? loadVersion(kind, previous) : Promise.resolve(null)]);
      setDiff({ version: v, previous, changes: diffReference(kind, before, after) });
    } catch (e) {
      setDiffError(e);
    } finally {
      setLoading(null);
    }
  };

  return (
    <Card className="customs-card customs-reference-history" data-section="history">
      <h2 className="customs-h2">{t('customs.reference.historyTitle')}</h2>
      {history.error !== null && <ErrorAlert error={history.error} onRetry={history.reload} />}
      <Table<ReferenceVersion>
        size="small"
        rowKey={keyOf}
        loading={history.loading && !history.data}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        onRow={(v) => rowData({ 'data-version': v.version })}
        columns={[
          {
            title: t('customs.reference.version'),
            key: 'version',
            render: (_, v) => (
              <Space size={4} wrap>
                <strong>{v.version}</strong>
                {v.inForce && <Tag color="green">{t('customs.reference.inForceTag')}</Tag>}
                {viewing && keyOf(viewing) === keyOf(v) && <Tag color="orange">{t('customs.reference.viewingTag')}</Tag>}
              </Space>
            ),
          },
          { title: t('customs.reference.createdBy'), key: 'who', render: (_, v) => (v.createdBy === 'landao' ? t('customs.reference.shipped') : v.createdBy) },
          { title: t('customs.reference.createdAt'), key: 'when', render: (_, v) => (v.createdAt ? <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time> : '—') },
          {
            title: 'SM3',
            key: 'sm3',
            render: (_, v) => (
              <Typography.Text code copyable={{ text: v.sm3 }} title={v.sm3} className="customs-hash">
                {v.sm3.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          { title: t('customs.reference.note'), key: 'note', render: (_, v) => (v.note === 'shipped with Landao' ? t('customs.reference.shippedNote') : (v.note ?? '—')) },
          {
            title: t('customs.reference.actions'),
            key: 'actions',
            render: (_, v) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => onView(v)} disabled={v.inForce && viewing === null} aria-label={t('customs.reference.viewVersion', { version: v.version })}>
                  {t('customs.reference.view')}
                </Button>
                <Button size="small" onClick={() => void showDiff(v)} loading={loading === keyOf(v)} aria-label={t('customs.reference.diffVersion', { version: v.version })} data-diff={v.version}>
                  {t('customs.reference.diff')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {diffError !== null && <ErrorAlert className="customs-block" error={diffError} />}
      {diff && (
        <section className="customs-reference-diff" aria-live="polite" data-diff-of={diff.version.version}>
          <h3 className="customs-h3">
            {diff.previous
              ? t('customs.reference.diffTitle', { version: diff.version.version, previous: diff.previous.version })
              : t('customs.reference.diffFirst', { version: diff.version.version })}
          </h3>
          <ChangeList changes={diff.changes} max={200} />
        </section>
      )}
    </Card>
  );
}

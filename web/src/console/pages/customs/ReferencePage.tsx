/**
 * 分类分级目录与自贸区清单: the bureau's editor of the customs reference data. Two tabs (the catalog's 13
 * classes and 40 subclasses; the general and negative lists per industry and scenario), each a working
 * copy of the version in force that the officer edits item by item in a drawer and publishes as a new
 * version with a note — the server validates the whole document and its error names the item and field.
 * The history lists every version (who, when, SM3, note); an old one opens read-only, and each shows
 * what changed against the one before it. Lists import from and export to CSV/XLSX. Who may read but
 * not write (customs.reference:write) sees everything read-only.
 */
import { CloudUploadOutlined, DownloadOutlined, ImportOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import '../../../customs/customs.css';
import { loadVersion, referenceApi, type CatalogDocument, type ListKind, type ListsDocument, type ReferenceDocument, type ReferenceFocus, type ReferenceKind, type ReferenceVersion } from '../../../customs/referenceApi';
import { diffReference, stableJson } from '../../../customs/referenceDiff';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import { CatalogEditor } from './CatalogEditor';
import { ListsEditor } from './ListsEditor';
import { ImportDialog, PublishDialog } from './ReferenceDialogs';
import { ReferenceHistory } from './ReferenceHistory';

export const REFERENCE_WRITE_SCOPE = 'customs.reference:write';

function Workspace({ kind }: { kind: ReferenceKind }) {
  const { t } = useI18n();
  const { can } = useSession();
  const canWrite = can(REFERENCE_WRITE_SCOPE);
  const [generation, setGeneration] = useState(0);
  const current = useApi<ReferenceDocument>(() => referenceApi.document(kind), [kind, generation]);
  const history = useApi(() => referenceApi.history(kind), [kind, generation]);
  const [draft, setDraft] = useState<ReferenceDocument | null>(null);
  const [viewing, setViewing] = useState<{ version: ReferenceVersion; doc: ReferenceDocument } | null>(null);
  const [viewError, setViewError] = useState<unknown>(null);
  const [publishing, setPublishing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [published, setPublished] = useState<ReferenceVersion | null>(null);
  const [focus, setFocus] = useState<ReferenceFocus | null>(null);

  useEffect(() => {
    if (current.data) setDraft(structuredClone(current.data));
  }, [current.data]);

  const changes = useMemo(() => (draft && current.data ? diffReference(kind, current.data, draft) : []), [kind, draft, current.data]);
  const dirty = draft !== null && current.data !== undefined && stableJson(draft) !== stableJson(current.data);

  if (!draft) return current.error !== null ? <ErrorAlert error={current.error} onRetry={current.reload} /> : <PageSpinner />;

  const shown = viewing?.doc ?? draft;
  const readOnly = !canWrite || viewing !== null;
  const view = async (v: ReferenceVersion) => {
    setViewError(null);
    if (v.inForce) return setViewing(null);
    try {
      setViewing({ version: v, doc: await loadVersion(kind, v) });
    } catch (e) {
      setViewError(e);
    }
  };
  const afterPublish = (v: ReferenceVersion) => {
    setPublishing(false);
    setImporting(false);
    setPublished(v);
    setViewing(null);
    setFocus(null);
    setGeneration((g) => g + 1);
  };
  const exportVersionId = viewing ? viewing.version.id : null;
  const canExport = kind === 'lists' && (viewing === null || viewing.version.id !== null);
  const exportItems = (['negative', 'general'] as ListKind[]).flatMap((list) =>
    (['csv', 'xlsx'] as const).map((format) => ({
      key: `${list}-${format}`,
      label: (
        <a href={referenceApi.exportUrl(list, format, exportVersionId)} download>
          {t('customs.reference.exportItem', { list: t(`customs.reference.list.${list}`), format: format.toUpperCase() })}
        </a>
      ),
    })),
  );

  return (
    <div className="customs-reference-workspace" data-kind={kind}>
      <div className="customs-reference-toolbar">
        <Space wrap>
          <span>
            {t('customs.reference.inForce')}: <Tag color="green">{current.data?.version}</Tag>
          </span>
          {dirty && !viewing && (
            <Tag color="orange" data-unpublished={changes.length}>
              {t('customs.reference.unpublished', { n: changes.length })}
            </Tag>
          )}
        </Space>
        <Space wrap>
          {canExport && (
            <Dropdown menu={{ items: exportItems }} trigger={['click']}>
              <Button icon={<DownloadOutlined aria-hidden />}>{t('customs.reference.export')}</Button>
            </Dropdown>
          )}
          {canWrite && kind === 'lists' && (
            <Button icon={<ImportOutlined aria-hidden />} onClick={() => setImporting(true)} disabled={viewing !== null}>
              {t('customs.reference.import')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<RollbackOutlined aria-hidden />} onClick={() => current.data && setDraft(structuredClone(current.data))} disabled={!dirty || viewing !== null}>
              {t('customs.reference.discard')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<CloudUploadOutlined aria-hidden />} onClick={() => setPublishing(true)} disabled={!dirty || viewing !== null} data-testid="publish">
              {t('customs.reference.publish')}
            </Button>
          )}
        </Space>
      </div>
      {!canWrite && <Alert className="customs-block" type="info" showIcon message={t('customs.reference.readOnly')} />}
      {published && (
        <Alert className="customs-block" type="success" showIcon closable onClose={() => setPublished(null)} message={t('customs.reference.published', { version: published.version })} role="status" />
      )}
      {viewing && (
        <Alert
          className="customs-block"
          type="warning"
          showIcon
          data-viewing={viewing.version.version}
          message={t('customs.reference.viewingOld', { version: viewing.version.version })}
          action={
            <Button size="small" onClick={() => setViewing(null)}>
              {t('customs.reference.backToCurrent')}
            </Button>
          }
        />
      )}
      {viewError !== null && <ErrorAlert className="customs-block" error={viewError} />}
      {kind === 'catalog' ? (
        <CatalogEditor doc={shown as CatalogDocument} readOnly={readOnly} focus={focus} onFocusDone={() => setFocus(null)} onChange={(doc) => setDraft(doc)} />
      ) : (
        <ListsEditor doc={shown as ListsDocument} readOnly={readOnly} focus={focus} onFocusDone={() => setFocus(null)} onChange={(doc) => setDraft(doc)} />
      )}
      <ReferenceHistory kind={kind} history={history} viewing={viewing?.version ?? null} onView={(v) => void view(v)} />
      {publishing && current.data && (
        <PublishDialog
          kind={kind}
          current={current.data}
          draft={draft}
          changes={changes}
          onClose={() => setPublishing(false)}
          onPublished={afterPublish}
          onLocate={(where) => {
            setPublishing(false);
            setFocus(where);
          }}
        />
      )}
      {importing && current.data && <ImportDialog current={current.data} onClose={() => setImporting(false)} onPublished={afterPublish} />}
    </div>
  );
}

export default function ReferencePage() {
  const { t } = useI18n();
  usePageTitle('customs.reference.title');
  const [tab, setTab] = useState<ReferenceKind>('catalog');
  return (
    <div className="customs-reference">
      <Card className="customs-card">
        <h1 className="page-title">{t('customs.reference.title')}</h1>
        <Typography.Paragraph type="secondary">{t('customs.reference.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as ReferenceKind)}
          items={[
            { key: 'catalog', label: t('customs.reference.tab.catalog'), children: <Workspace kind="catalog" /> },
            { key: 'lists', label: t('customs.reference.tab.lists'), children: <Workspace kind="lists" /> },
          ]}
        />
      </Card>
    </div>
  );
}

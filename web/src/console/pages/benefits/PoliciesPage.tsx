/**
 * /console/benefits/policies — benefit policies as data: the list, an editor of one policy's document as JSON
 * (parameters, eligibility clauses in JSON Logic, amount formula) with the server's validation errors shown at
 * their paths, saving as a new version with a note, and the versions with a diff between any two.
 */
import { Alert, Button, Card, Descriptions, Input, List, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { diffDocuments, policiesApi, type PolicyVersion, type RuleError } from '../../../benefits/policiesApi';
import { useSession } from '../../../session';
import { useApi } from '../../useApi';
import './benefits-console.css';

function ruleErrorsOf(e: unknown): RuleError[] | null {
  return e instanceof ApiError && e.code === 'validation_failed' && Array.isArray(e.details) ? (e.details as RuleError[]) : null;
}

function Editor({ policy, canWrite, onSaved }: { policy: PolicyVersion; canWrite: boolean; onSaved(v: PolicyVersion): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(policy.document, null, 2));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<RuleError[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [ok, setOk] = useState<string | null>(null);
  useEffect(() => {
    setText(JSON.stringify(policy.document, null, 2));
    setErrors(null);
    setOk(null);
  }, [policy.key, policy.version]);

  const parse = (): unknown => {
    try {
      return JSON.parse(text);
    } catch (e) {
      setErrors([{ path: '(JSON)', reason: 'invalid_json', message: e instanceof Error ? e.message : String(e) }]);
      return undefined;
    }
  };
  const act = async (save: boolean) => {
    setErrors(null);
    setFailure(null);
    setOk(null);
    const doc = parse();
    if (doc === undefined) return;
    try {
      if (save) {
        const v = await policiesApi.save(policy.key, doc, note);
        setOk(t('benefits.engine.policies.saved', { version: v.version }));
        setNote('');
        onSaved(v);
      } else {
        await policiesApi.validate(doc);
        setOk(t('benefits.engine.policies.valid'));
      }
    } catch (e) {
      const list = ruleErrorsOf(e);
      if (list) setErrors(list);
      else setFailure(e);
    }
  };

  return (
    <Card title={t('benefits.engine.policies.editor', { key: policy.key, version: policy.version })} size="small">
      <label htmlFor="benefits-policy-json">{t('benefits.engine.policies.document')}</label>
      <Input.TextArea id="benefits-policy-json" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} readOnly={!canWrite} />
      {errors && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          message={t('benefits.engine.policies.invalid', { count: errors.length })}
          description={
            <List size="small" dataSource={errors} renderItem={(e) => <List.Item><code>{e.path}</code>&nbsp;{e.message}</List.Item>} />
          }
        />
      )}
      {failure !== null && <ErrorAlert error={failure} />}
      {ok && <Alert type="success" showIcon role="status" style={{ marginTop: 8 }} message={ok} />}
      <Space style={{ marginTop: 8 }} wrap>
        <Button onClick={() => void act(false)}>{t('benefits.engine.policies.validate')}</Button>
        {canWrite && (
          <>
            <label htmlFor="benefits-policy-note">{t('benefits.engine.policies.note')}</label>
            <Input id="benefits-policy-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} style={{ width: 320 }} />
            <Button type="primary" onClick={() => void act(true)}>{t('benefits.engine.policies.save')}</Button>
          </>
        )}
      </Space>
    </Card>
  );
}

function Versions({ policyKey, current }: { policyKey: string; current: number }) {
  const { t } = useI18n();
  const versions = useApi(() => policiesApi.versions(policyKey), [policyKey, current]);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [docs, setDocs] = useState<[PolicyVersion, PolicyVersion] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDocs(null);
    if (from === undefined || to === undefined) return;
    Promise.all([policiesApi.get(policyKey, from), policiesApi.get(policyKey, to)]).then(setDocs, setError);
  }, [policyKey, from, to]);
  const diff = useMemo(() => (docs ? diffDocuments(docs[0].document, docs[1].document) : []), [docs]);
  const options = (versions.data ?? []).map((v) => ({ value: v.version, label: `v${v.version}` }));
  return (
    <Card title={t('benefits.engine.policies.versions')} size="small" style={{ marginTop: 16 }}>
      {versions.error !== null && <ErrorAlert error={versions.error} onRetry={versions.reload} />}
      <Table
        size="small"
        rowKey="version"
        pagination={false}
        dataSource={versions.data ?? []}
        columns={[
          { title: t('benefits.engine.policies.version'), dataIndex: 'version', render: (v: number, r: { current: boolean }) => <>v{v} {r.current && <Tag color="green">{t('benefits.engine.policies.inForce')}</Tag>}</> },
          { title: t('benefits.engine.policies.createdAt'), dataIndex: 'createdAt', render: (s: string) => s.slice(0, 19).replace('T', ' ') },
          { title: t('benefits.engine.policies.createdBy'), dataIndex: 'createdBy' },
          { title: 'SM3', dataIndex: 'sm3', render: (s: string) => <code title={s}>{s.slice(0, 16)}…</code> },
          { title: t('benefits.engine.policies.note'), dataIndex: 'note' },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <label htmlFor="benefits-diff-from">{t('benefits.engine.policies.diffFrom')}</label>
        <Select id="benefits-diff-from" style={{ width: 100 }} value={from} onChange={setFrom} options={options} />
        <label htmlFor="benefits-diff-to">{t('benefits.engine.policies.diffTo')}</label>
        <Select id="benefits-diff-to" style={{ width: 100 }} value={to} onChange={setTo} options={options} />
      </Space>
      {error !== null && <ErrorAlert error={error} />}
      {docs && (
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey="path"
          pagination={false}
          dataSource={diff}
          locale={{ emptyText: t('benefits.engine.policies.noDiff') }}
          columns={[
            { title: t('benefits.engine.policies.path'), dataIndex: 'path', render: (p: string) => <code>{p}</code> },
            { title: t('benefits.engine.policies.change'), dataIndex: 'change', render: (c: string) => <Tag color={c === 'added' ? 'green' : c === 'removed' ? 'red' : 'gold'}>{c}</Tag> },
            { title: `v${from}`, dataIndex: 'before', render: (v?: string) => <code>{v ?? ''}</code> },
            { title: `v${to}`, dataIndex: 'after', render: (v?: string) => <code>{v ?? ''}</code> },
          ]}
        />
      )}
    </Card>
  );
}

export default function PoliciesPage() {
  usePageTitle('benefits.engine.policies.title');
  const { t, locale } = useI18n();
  const { user } = useSession();
  const canWrite = !!user && (user.scopes.includes('*') || user.scopes.some((s) => s.startsWith('benefits.policies:write')));
  const list = useApi(() => policiesApi.list(), []);
  const [selected, setSelected] = useState<PolicyVersion | null>(null);
  return (
    <>
      <h1>{t('benefits.engine.policies.title')}</h1>
      <p>{t('benefits.engine.policies.intro')}</p>
      {list.error !== null && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table
        rowKey="key"
        size="small"
        loading={list.loading}
        pagination={false}
        dataSource={list.data ?? []}
        onRow={(r) => ({ onClick: () => setSelected(r) })}
        columns={[
          { title: t('benefits.engine.policies.name'), render: (_: unknown, p: PolicyVersion) => <Button type="link" onClick={() => setSelected(p)}>{p.document.names[locale]}</Button> },
          { title: t('benefits.engine.policies.key'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
          { title: t('benefits.engine.policies.funding'), render: (_: unknown, p: PolicyVersion) => p.document.fundingOrgCode },
          { title: t('benefits.engine.policies.validity'), render: (_: unknown, p: PolicyVersion) => `${p.document.validFrom} … ${p.document.validTo ?? '—'}` },
          { title: t('benefits.engine.policies.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
        ]}
      />
      {selected && (
        <div style={{ marginTop: 16 }}>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('benefits.engine.policies.sources')}>{selected.document.sources.join(', ')}</Descriptions.Item>
            {selected.document.eligibility.map((c) => (
              <Descriptions.Item key={c.id} label={c.id}>{c.explanation[locale]}</Descriptions.Item>
            ))}
            <Descriptions.Item label={t('benefits.engine.policies.amount')}>{selected.document.amount.explanation[locale]}</Descriptions.Item>
          </Descriptions>
          <Editor policy={selected} canWrite={canWrite} onSaved={(v) => { setSelected(v); list.reload(); }} />
          <Versions policyKey={selected.key} current={selected.version} />
        </div>
      )}
    </>
  );
}

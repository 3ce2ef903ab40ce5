/**
 * One declaration: its state and the buttons of the actions the user may take now (allowedActions),
 * the scan's progress while it runs, the analysis, the proposed decision with its notes in the user's
 * language, the clearance with its downloads, the form as declared, and the history as a timeline.
 */
import { DownloadOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Job } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageSpinner } from '../../../components/PageSpinner';
import { BUTTON_ACTIONS, customsApi, type ButtonAction, type Declaration, type HistoryEntry } from '../../../customs/api';
import {
  actionLabelId,
  clearanceStatusLabelId,
  formatCount,
  formatDate,
  formatDateTime,
  historyLabelId,
  OUTCOME_COLOR,
  outcomeLabelId,
  pick,
  regionName,
  STATE_COLOR,
  stateLabelId,
} from '../../../customs/format';
import { useLists } from '../../../customs/reference';
import { useI18n, usePageTitle } from '../../../i18n/i18n';
import { useApi } from '../../useApi';
import { ActionDialog } from './ActionDialog';
import { AnalysisView } from './AnalysisView';
import { BASE } from './paths';

const POLL_MS = 1500;

/** While the scan runs: its job's progress, polled until the declaration leaves `scanning`. */
function ScanProgress({ jobId }: { jobId: number | null }) {
  const { t } = useI18n();
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    if (jobId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () =>
      customsApi.job(jobId).then(
        (j) => {
          if (stopped) return;
          setJob(j);
          timer = setTimeout(poll, POLL_MS);
        },
        () => {
          if (!stopped) timer = setTimeout(poll, POLL_MS * 2);
        },
      );
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);
  const status = !job || job.status === 'queued' ? t('customs.scan.queued') : job.status === 'running' ? t('customs.scan.running') : t(`jobStatus.${job.status}`);
  return (
    <Card className="customs-card customs-scanning">
      <h2 className="customs-h2">{t('customs.scan.title')}</h2>
      <Progress percent={Math.round(Math.min(1, Math.max(0, job?.progress ?? 0)) * 100)} status="active" aria-label={t('customs.scan.progressLabel')} />
      <div role="status">
        {status}
        {job?.progressMessage ? ` · ${job.progressMessage}` : ''}
      </div>
    </Card>
  );
}

function Decision({ d }: { d: Declaration }) {
  const { t, locale } = useI18n();
  if (!d.decision) return null;
  const notes = d.decision.notes[locale] ?? d.decision.notes['zh-CN'];
  const totals = d.decision.totals;
  return (
    <Card className="customs-card" data-section="decision">
      <h2 className="customs-h2">{t('customs.decision.title')}</h2>
      <div className="customs-outcome" data-outcome={d.decision.outcome}>
        <Tag color={OUTCOME_COLOR[d.decision.outcome]} className="customs-outcome-tag">
          {t(outcomeLabelId(d.decision.outcome))}
        </Tag>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
        <Descriptions.Item label={t('customs.decision.basis')}>
          <span>
            {d.decision.basis.map((b) => (
              <Tag key={b}>{b}</Tag>
            ))}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.decision.totals')}>
          {t('customs.decision.totalsValue', { sensitive: formatCount(totals.sensitiveSubjects, locale), personal: formatCount(totals.personalSubjects, locale) })}
        </Descriptions.Item>
      </Descriptions>
      <h3 className="customs-h3">{t('customs.decision.notes')}</h3>
      <ul className="customs-notes">
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </Card>
  );
}

function Clearance({ d }: { d: Declaration }) {
  const { t, locale } = useI18n();
  const c = d.clearance;
  if (!c) return null;
  return (
    <Card className="customs-card" data-section="clearance">
      <h2 className="customs-h2">{t('customs.clearance.title')}</h2>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
        <Descriptions.Item label={t('customs.clearance.no')}>
          <Link to={`/portal/verify/clearance/${c.no}`} data-clearance-no={c.no}>
            {c.no}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.clearance.status')}>
          <Tag color={c.status === 'valid' ? 'green' : 'red'}>{t(clearanceStatusLabelId(c.status))}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.clearance.validity')}>{t('customs.clearance.validityValue', { from: formatDate(c.validFrom, locale), until: formatDate(c.validUntil, locale) })}</Descriptions.Item>
        <Descriptions.Item label={t('customs.clearance.issuedAt')}>{formatDateTime(c.issuedAt, locale)}</Descriptions.Item>
        {c.revokedAt && <Descriptions.Item label={t('customs.clearance.revokedAt')}>{formatDateTime(c.revokedAt, locale)}</Descriptions.Item>}
        {c.revokedReason && <Descriptions.Item label={t('customs.clearance.revokedReason')}>{c.revokedReason}</Descriptions.Item>}
      </Descriptions>
      <Space wrap>
        <Button icon={<FilePdfOutlined aria-hidden />} href={customsApi.clearancePdfUrl(d.id, locale)} target="_blank" rel="noopener">
          {t('customs.clearance.pdf')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={customsApi.clearanceJsonUrl(d.id)} download={`${c.no}.json`}>
          {t('customs.clearance.json')}
        </Button>
      </Space>
    </Card>
  );
}

function FormView({ d }: { d: Declaration }) {
  const { t, locale } = useI18n();
  const lists = useLists();
  const f = d.form;
  const yes = (b: boolean) => t(b ? 'customs.yes' : 'customs.no');
  const industry = lists.data?.industries.find((i) => i.id === f.industry);
  const scenario = f.scenario ? lists.data?.scenarios.find((s) => s.id === f.scenario) : undefined;
  return (
    <Card className="customs-card" data-section="form">
      <h2 className="customs-h2">{t('customs.detail.formTitle')}</h2>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}>
        <Descriptions.Item label={t('customs.field.title')} span={2}>
          {f.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.field.recipientName')}>{f.recipient.name}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.recipientCountry')}>{regionName(f.recipient.country, locale)}</Descriptions.Item>
        {f.recipient.address && (
          <Descriptions.Item label={t('customs.field.recipientAddress')} span={2}>
            {f.recipient.address}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('customs.field.purpose')} span={2}>
          <span className="customs-pre">{f.purpose}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.field.industry')}>{pick(industry?.names, locale) || f.industry}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.scenario')}>{f.scenario ? pick(scenario?.names, locale) || f.scenario : t('customs.form.noScenario')}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.dataDescription')} span={2}>
          <span className="customs-pre">{f.dataDescription}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.field.fields')} span={2}>
          {f.fields.length ? f.fields.join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.field.securityMeasures')} span={2}>
          <span className="customs-pre">{f.securityMeasures}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customs.field.importantData')}>{t(`customs.importantData.${f.importantData}`)}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.coreData')}>{yes(f.coreData)}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.exemption')}>{f.exemption ? t(`customs.exemption.${f.exemption}`) : t('customs.form.noExemption')}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.inFreeTradeZone')}>{yes(f.inFreeTradeZone)}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.ciio')}>{yes(f.ciio)}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.validityDays')}>{t('customs.detail.days', { days: f.validityDays })}</Descriptions.Item>
        <Descriptions.Item label={t('customs.field.sourceKind')}>{t(`customs.sourceKind.${f.sourceKind}`)}</Descriptions.Item>
        {f.sourceKind === 'sample' && f.expectedPersons && (
          <Descriptions.Item label={t('customs.detail.expectedPersons')}>
            {t('customs.decision.totalsValue', { sensitive: formatCount(f.expectedPersons.sensitiveSubjects, locale), personal: formatCount(f.expectedPersons.personalSubjects, locale) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('customs.form.file')} span={2}>
          {d.source ? (
            <span>
              {d.source.filename} · {formatCount(d.source.bytes, locale)} B · SM3 <code className="customs-hash">{d.source.sm3}</code>
            </span>
          ) : (
            t('customs.detail.noFile')
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function History({ history }: { history: HistoryEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <Card className="customs-card" data-section="history">
      <h2 className="customs-h2">{t('customs.history.title')}</h2>
      <Timeline
        items={history.map((h) => ({
          key: h.seq,
          color: h.action === 'reject' || h.action === 'revoke' || h.action === 'scan_failed' ? 'red' : h.action === 'approve' ? 'green' : h.action === 'request_info' ? 'orange' : 'blue',
          children: (
            <div className="customs-history-entry" data-action={h.action}>
              <div>
                <strong>{t(historyLabelId(h.action))}</strong> · {h.actorName ?? (h.actor.startsWith('system:') ? t('customs.history.system') : h.actor)}
              </div>
              <Typography.Text type="secondary">
                <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time>
              </Typography.Text>
              {h.comment && <div className="customs-pre customs-comment">{h.comment}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

export function DeclarationDetail() {
  const { t, locale } = useI18n();
  usePageTitle('customs.title');
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const d = useApi(() => customsApi.get(id), [id]);
  const [declaration, setDeclaration] = useState<Declaration | null>(null);
  const [dialog, setDialog] = useState<ButtonAction | null>(null);
  const current = declaration?.id === id ? declaration : (d.data ?? null);

  useEffect(() => {
    if (d.data) setDeclaration(d.data);
  }, [d.data]);

  // While the scan runs, read the declaration again until it leaves `scanning`.
  const scanning = current?.state === 'scanning';
  const { reload } = d;
  useEffect(() => {
    if (!scanning) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [scanning, reload]);

  if (!current) return d.error !== null ? <ErrorAlert error={d.error} onRetry={d.reload} /> : <PageSpinner />;
  const buttons = current.allowedActions.filter((a): a is ButtonAction => (BUTTON_ACTIONS as readonly string[]).includes(a));
  const lastFailure = current.state === 'draft' ? [...current.history].reverse().find((h) => h.action === 'scan_failed' || h.action === 'submit') : undefined;
  const lastRequest = current.state === 'info_requested' ? [...current.history].reverse().find((h) => h.action === 'request_info') : undefined;

  return (
    <div className="customs-detail">
      <Card className="customs-card">
        <div className="page-head">
          <h1 className="page-title">
            {t('customs.detail.title', { no: current.no })} <Tag color={STATE_COLOR[current.state]} data-state={current.state}>{t(stateLabelId(current.state))}</Tag>
          </h1>
          <Link to={BASE}>{t('customs.backToList')}</Link>
        </div>
        <Typography.Paragraph className="customs-subtitle">
          {current.form.title} · {current.form.recipient.name} · {regionName(current.form.recipient.country, locale)}
        </Typography.Paragraph>
        {lastFailure?.action === 'scan_failed' && <Alert className="customs-block" type="error" showIcon message={t('customs.detail.scanFailed')} description={lastFailure.comment ?? undefined} />}
        {lastRequest && <Alert className="customs-block" type="warning" showIcon message={t('customs.detail.infoRequested')} description={lastRequest.comment ?? undefined} />}
        {d.error !== null && <ErrorAlert className="customs-block" error={d.error} onRetry={d.reload} />}
        <Space wrap className="customs-buttons" aria-label={t('customs.detail.actions')} role="group">
          {current.allowedActions.includes('edit') && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`${BASE}/${current.id}/edit`)}>
              {t('customs.detail.edit')}
            </Button>
          )}
          {buttons.map((a) => (
            <Button key={a} type={a === 'approve' || a === 'submit' || a === 'resubmit' ? 'primary' : 'default'} danger={a === 'reject' || a === 'revoke'} onClick={() => setDialog(a)} data-action={a}>
              {t(actionLabelId(a))}
            </Button>
          ))}
          {current.analysis && (
            <Button icon={<FilePdfOutlined aria-hidden />} href={customsApi.reportPdfUrl(current.id, locale)} target="_blank" rel="noopener">
              {t('customs.detail.reportPdf')}
            </Button>
          )}
        </Space>
      </Card>
      {scanning && <ScanProgress jobId={current.scanJobId} />}
      <Decision d={current} />
      <Clearance d={current} />
      {current.analysis && <AnalysisView analysis={current.analysis} />}
      <FormView d={current} />
      <History history={current.history} />
      {dialog && (
        <ActionDialog
          declaration={current}
          action={dialog}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            setDeclaration(next);
          }}
        />
      )}
    </div>
  );
}

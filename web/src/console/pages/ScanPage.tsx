import { DownloadOutlined, ExportOutlined, FileTextOutlined, ReloadOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Progress, Typography, Upload } from 'antd';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError, SCAN_EXTENSIONS, type ScanReport, type ScanState } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, usePageTitle } from '../../i18n/i18n';
import { useSession } from '../../session';
import { exportName, formatBytes, formatInteger, rowsFromProgress } from '../scan/format';
import { ScanReportView } from '../scan/ScanReportView';

const POLL_MS = 1000;
const RETRY_MS = 3000;

type Phase =
  | { kind: 'choose' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'scanning'; jobId: number }
  | { kind: 'done'; jobId: number; report: ScanReport }
  | { kind: 'failed'; jobId: number; status: 'dead' | 'cancelled'; reason: string | null };

const extensionOf = (name: string) => /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
const isScannable = (file: File) => (SCAN_EXTENSIONS as readonly string[]).includes(extensionOf(file.name));

function downloadJson(report: ScanReport) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = exportName(report.source);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Polls a scan job every second until it has finished, failed or been cancelled. A failed poll is
 * shown and retried every few seconds (a long scan outlasts a network blip), except when the answer
 * is final: signed out, or no such scan.
 */
function useScanJob(jobId: number | null, onFinished: (state: ScanState) => void) {
  const { reload: reloadSession } = useSession();
  const [polled, setPolled] = useState<{ jobId: number; state: ScanState | null; error: unknown }>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (jobId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () =>
      api.scan(jobId).then(
        (s) => {
          if (stopped) return;
          setPolled({ jobId, state: s, error: null });
          if (s.status === 'succeeded' || s.status === 'dead' || s.status === 'cancelled') onFinished(s);
          else timer = setTimeout(poll, POLL_MS);
        },
        (e: unknown) => {
          if (stopped) return;
          setPolled((prev) => ({ jobId, state: prev?.jobId === jobId ? prev.state : null, error: e }));
          if (e instanceof ApiError && e.status === 401) reloadSession();
          else if (!(e instanceof ApiError && (e.status === 403 || e.status === 404))) timer = setTimeout(poll, RETRY_MS);
        },
      );
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, generation, reloadSession, onFinished]);

  const current = polled && polled.jobId === jobId ? polled : undefined;
  return { state: current?.state ?? null, error: current?.error ?? null, retry: useCallback(() => setGeneration((g) => g + 1), []) };
}

function UploadError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || ![403, 413, 415].includes(error.status)) return <ErrorAlert className="scan-block" error={error} />;
  const advice = error.status === 413 ? t('scan.tooLarge') : error.status === 415 ? t('scan.unsupported') : t('scan.forbidden');
  return (
    <Alert
      className="scan-block"
      type="error"
      showIcon
      message={t('scan.uploadFailed')}
      description={
        <>
          <div>{advice}</div>
          {error.message && <Typography.Text type="secondary">{error.message}</Typography.Text>}
        </>
      }
    />
  );
}

interface Choice {
  file: File | null;
  sample: number | null;
}

function ChooseFile({ choice, onChange, onStart, uploadError }: { choice: Choice; onChange(c: Choice): void; onStart(): void; uploadError: unknown }) {
  const { t, locale } = useI18n();
  const labelId = useId();
  const sampleId = useId();
  const { file, sample } = choice;
  const [rejected, setRejected] = useState<string | null>(null);
  const dropRef = useRef<HTMLDivElement>(null);

  /** The drop area opens the file dialog on Enter; Space should work too, as on any button. */
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== ' ' || !(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'button') return;
    e.preventDefault();
    dropRef.current?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  const size = file ? formatBytes(file.size, locale) : null;
  return (
    <>
      <div className="scan-field-label" id={labelId}>
        {t('scan.fileLabel')}
      </div>
      {file && size ? (
        <div className="scan-chosen" role="group" aria-labelledby={labelId}>
          <FileTextOutlined className="scan-chosen-icon" aria-hidden />
          <span className="scan-chosen-text">
            <span className="scan-chosen-name">{file.name}</span>
            <Typography.Text type="secondary">
              {size.value} {size.unit}
            </Typography.Text>
          </span>
          <Button onClick={() => onChange({ ...choice, file: null })}>{t('scan.removeFile')}</Button>
        </div>
      ) : (
        <div ref={dropRef} role="group" aria-labelledby={labelId} onKeyDown={onKeyDown}>
          <Upload.Dragger
            className="scan-drop"
            accept={SCAN_EXTENSIONS.join(',')}
            multiple={false}
            showUploadList={false}
            aria-label={t('scan.fileLabel')}
            beforeUpload={(f) => {
              if (isScannable(f)) {
                onChange({ ...choice, file: f });
                setRejected(null);
              } else setRejected(t('scan.unsupportedFile', { name: f.name, types: SCAN_EXTENSIONS.join(' ') }));
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <ScanOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('scan.dropTitle')}</p>
            <p className="ant-upload-hint">{t('scan.dropHint')}</p>
          </Upload.Dragger>
        </div>
      )}
      {rejected && <Alert className="scan-block" type="error" showIcon message={rejected} />}
      {uploadError !== null && <UploadError error={uploadError} />}
      <Form layout="vertical" className="scan-options" onFinish={onStart}>
        <Form.Item label={t('scan.sampleLabel')} htmlFor={sampleId} extra={t('scan.sampleHelp')}>
          <InputNumber<number>
            id={sampleId}
            className="scan-sample"
            controls={false}
            min={1}
            max={100_000_000}
            precision={0}
            placeholder={t('scan.samplePlaceholder')}
            value={sample}
            onChange={(v) => onChange({ ...choice, sample: v })}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" icon={<ScanOutlined aria-hidden />} disabled={!file}>
          {t('scan.start')}
        </Button>
      </Form>
    </>
  );
}

function Working({ fileName, phase, state, onCancel }: { fileName: string; phase: Phase; state: ScanState | null; onCancel?: () => void }) {
  const { t, locale } = useI18n();
  const uploading = phase.kind === 'uploading';
  const fraction = uploading ? phase.fraction : (state?.progress ?? 0);
  const rows = rowsFromProgress(state?.progressMessage ?? null);
  const message = uploading
    ? t('scan.uploading')
    : !state || state.status === 'queued'
      ? t('scan.queued')
      : state.status === 'running'
        ? t('scan.running')
        : t(`jobStatus.${state.status}`);
  const detail = !uploading && (rows !== null ? t('scan.rowsRead', { rows: formatInteger(rows, locale) }) : state?.progressMessage);
  return (
    <div className="scan-working">
      <div className="scan-working-file">
        <FileTextOutlined aria-hidden /> <span className="scan-chosen-name">{fileName}</span>
      </div>
      <Progress
        percent={Math.round(Math.min(1, Math.max(0, fraction)) * 100)}
        status="active"
        aria-label={t(uploading ? 'scan.uploadProgressLabel' : 'scan.progressLabel')}
      />
      <div className="scan-working-status" role="status">
        <span>{message}</span>
        {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
      </div>
      {onCancel && <Button onClick={onCancel}>{t('scan.cancel')}</Button>}
    </div>
  );
}

function ReportHead({ jobId, report, onAgain }: { jobId: number; report: ScanReport; onAgain(): void }) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="scan-report-head">
      <h2 className="card-title" ref={heading} tabIndex={-1}>
        {t('scan.reportTitle')}
      </h2>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }} className="scan-meta">
        <Descriptions.Item label={t('scan.source')}>
          <span className="scan-chosen-name">{report.source}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('scan.format')}>{report.format.toUpperCase()}</Descriptions.Item>
        {report.encoding && <Descriptions.Item label={t('scan.encoding')}>{report.encoding.toUpperCase()}</Descriptions.Item>}
        <Descriptions.Item label={t('scan.elapsed')}>
          {t('scan.seconds', { seconds: new Intl.NumberFormat(locale, { maximumFractionDigits: report.elapsedMs < 1000 ? 2 : 1 }).format(report.elapsedMs / 1000) })}
        </Descriptions.Item>
      </Descriptions>
      <div className="scan-actions">
        <Button
          type="primary"
          icon={<DownloadOutlined aria-hidden />}
          href={api.scanReportUrl(jobId)}
          target="_blank"
          rel="noopener"
          title={t('scan.downloadHtmlHint')}
        >
          {t('scan.downloadHtml')}
        </Button>
        <Button icon={<ExportOutlined aria-hidden />} onClick={() => downloadJson(report)}>
          {t('scan.exportJson')}
        </Button>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onAgain}>
          {t('scan.again')}
        </Button>
      </div>
    </div>
  );
}

export default function ScanPage() {
  const { t } = useI18n();
  const { reload: reloadSession } = useSession();
  usePageTitle('scan.title');
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [choice, setChoice] = useState<Choice>({ file: null, sample: null });
  const [uploadError, setUploadError] = useState<unknown>(null);
  const upload = useRef<AbortController | null>(null);

  const jobId = phase.kind === 'choose' || phase.kind === 'uploading' ? null : phase.jobId;
  const onFinished = useCallback((s: ScanState) => {
    if (s.status === 'succeeded' && s.report) setPhase({ kind: 'done', jobId: s.id, report: s.report });
    else setPhase({ kind: 'failed', jobId: s.id, status: s.status === 'cancelled' ? 'cancelled' : 'dead', reason: s.error });
  }, []);
  const job = useScanJob(phase.kind === 'scanning' ? jobId : null, onFinished);

  useEffect(() => () => upload.current?.abort(), []);

  const start = () => {
    const { file, sample } = choice;
    if (!file) return;
    const controller = new AbortController();
    upload.current = controller;
    setUploadError(null);
    setPhase({ kind: 'uploading', fraction: 0 });
    api
      .uploadScan(file, { sample: sample ?? undefined, signal: controller.signal, onProgress: (fraction) => setPhase({ kind: 'uploading', fraction }) })
      .then(
        ({ jobId }) => setPhase({ kind: 'scanning', jobId }),
        (e: unknown) => {
          setPhase({ kind: 'choose' });
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setUploadError(e);
          if (e instanceof ApiError && e.status === 401) reloadSession();
        },
      )
      .finally(() => {
        if (upload.current === controller) upload.current = null;
      });
  };

  const again = () => {
    setUploadError(null);
    setChoice({ file: null, sample: null });
    setPhase({ kind: 'choose' });
  };

  return (
    <div className="scan-page">
      <Card className="scan-card">
        <div className="page-head">
          <h1 className="page-title">{t('scan.title')}</h1>
        </div>
        {(phase.kind === 'choose' || phase.kind === 'uploading') && (
          <Typography.Paragraph type="secondary" className="scan-intro">
            {t('scan.intro')}
          </Typography.Paragraph>
        )}
        {phase.kind === 'choose' && <ChooseFile choice={choice} onChange={setChoice} onStart={start} uploadError={uploadError} />}
        {phase.kind === 'uploading' && <Working fileName={choice.file?.name ?? ''} phase={phase} state={null} onCancel={() => upload.current?.abort()} />}
        {phase.kind === 'scanning' && (
          <>
            <Working fileName={choice.file?.name ?? ''} phase={phase} state={job.state} />
            {job.error !== null && <ErrorAlert className="scan-block" error={job.error} onRetry={job.retry} />}
          </>
        )}
        {phase.kind === 'failed' && (
          <Alert
            type={phase.status === 'dead' ? 'error' : 'warning'}
            showIcon
            message={t(phase.status === 'dead' ? 'scan.failed' : 'scan.cancelled')}
            description={phase.reason ?? undefined}
            action={
              <Button size="small" onClick={again}>
                {t('scan.again')}
              </Button>
            }
          />
        )}
        {phase.kind === 'done' && <ReportHead jobId={phase.jobId} report={phase.report} onAgain={again} />}
      </Card>
      {phase.kind === 'done' && <ScanReportView report={phase.report} />}
    </div>
  );
}

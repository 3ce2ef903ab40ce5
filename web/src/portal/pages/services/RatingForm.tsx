/**
 * 好差评 for one closed case, for the case page to embed: five levels (stars with their words, as a
 * radio group so keyboards and screen readers get the same choice), the five online indicators, an
 * optional comment. Once rated it shows the rating and any follow-up (整改) with the department's
 * answer, which the applicant may accept.
 */
import { Alert, Button, Descriptions, Form, Input, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n, type MessageId } from '../../../i18n/i18n';
import { RATING_INDICATORS, ratingsApi, type FollowUp, type Rating, type RatingIndicator } from '../../../services/notify/notifyApi';
import '../../../services/notify/notify.css';

const LEVELS = [5, 4, 3, 2, 1] as const;
const levelLabel = (level: number) => `services.ratings.level.${level}` as MessageId;
const indicatorLabel = (k: RatingIndicator) => `services.ratings.indicator.${k}` as MessageId;

function Stars({ n }: { n: number }) {
  return (
    <span aria-hidden className="rating-stars">
      {'★'.repeat(n)}
      {'☆'.repeat(5 - n)}
    </span>
  );
}

/** One question answered on the five-level scale, as a labelled radio group. */
function ScaleGroup({ legend, value, onChange, name, stars }: { legend: string; value: number | undefined; onChange(v: number): void; name: string; stars?: boolean }) {
  const { t } = useI18n();
  // fieldset + legend name the group for assistive technology; each radio is labelled by its words.
  return (
    <fieldset className="rating-scale">
      <legend>{legend}</legend>
      <Radio.Group name={name} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        <Space wrap>
          {LEVELS.map((level) => (
            <Radio key={level} value={level}>
              {stars && <Stars n={level} />} {t(levelLabel(level))}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </fieldset>
  );
}

function FollowUpView({ followUp, onChanged }: { followUp: FollowUp; onChanged(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const answer = followUp.actions?.filter((a) => a.action === 'answer').at(-1);
  const confirm = async () => {
    try {
      await ratingsApi.confirm(followUp.id);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="rating-followup">
      <Typography.Text strong>{t('services.ratings.followUpOf', { department: followUp.departmentName })}</Typography.Text>{' '}
      <Tag>{t(`services.ratings.state.${followUp.state}` as MessageId)}</Tag>
      {answer?.text ? <Typography.Paragraph>{answer.text}</Typography.Paragraph> : <Typography.Paragraph type="secondary">{t('services.ratings.awaitingAnswer', { date: followUp.dueDate })}</Typography.Paragraph>}
      {error !== null && <ErrorAlert error={error} />}
      {followUp.allowedActions.includes('confirm') && <Button onClick={() => void confirm()}>{t('services.ratings.confirmAnswer')}</Button>}
    </div>
  );
}

function RatingSummary({ rating, onChanged }: { rating: Rating; onChanged(): void }) {
  const { t } = useI18n();
  return (
    <div className="rating-summary">
      <Alert type="success" showIcon role="status" message={t('services.ratings.thanks')} style={{ marginBottom: 12 }} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('services.ratings.levelLegend')}>
          <Stars n={rating.level} /> {t(levelLabel(rating.level))}
        </Descriptions.Item>
        {RATING_INDICATORS.map((k) => (
          <Descriptions.Item key={k} label={t(indicatorLabel(k))}>
            {t(levelLabel(rating.indicators[k]))}
          </Descriptions.Item>
        ))}
        {rating.comment && <Descriptions.Item label={t('services.ratings.comment')}>{rating.comment}</Descriptions.Item>}
      </Descriptions>
      {rating.followUps.map((f) => (
        <FollowUpView key={f.id} followUp={f} onChanged={onChanged} />
      ))}
    </div>
  );
}

export function RatingForm({ caseId, onRated }: { caseId: number; onRated?: (rating: Rating) => void }) {
  const { t } = useI18n();
  const [existing, setExisting] = useState<Rating | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [level, setLevel] = useState<number>();
  const [indicators, setIndicators] = useState<Partial<Record<RatingIndicator, number>>>({});
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    ratingsApi.forCase(caseId).then(
      (r) => {
        setExisting(r.rating);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(e),
    );
  }, [caseId]);
  useEffect(load, [load]);

  if (loadError !== null) return <ErrorAlert error={loadError} onRetry={load} />;
  if (existing === undefined) return <Spin />;
  if (existing) return <RatingSummary rating={existing} onChanged={load} />;

  const submit = async () => {
    setError(null);
    const missing = RATING_INDICATORS.filter((k) => indicators[k] === undefined);
    if (level === undefined || missing.length > 0) {
      setProblem(level === undefined ? t('services.ratings.chooseLevel') : t('services.ratings.chooseIndicators', { names: missing.map((k) => t(indicatorLabel(k))).join(t('services.ratings.listSeparator')) }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const rating = await ratingsApi.rate(caseId, { level, indicators: indicators as Record<RatingIndicator, number>, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setExisting(rating);
      onRated?.(rating);
    } catch (e) {
      if (e instanceof ApiError && (e.details as { reason?: string } | undefined)?.reason === 'already_rated') load();
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" className="rating-form" onFinish={() => void submit()}>
      <Typography.Title level={2}>{t('services.ratings.formTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('services.ratings.formLead')}</Typography.Paragraph>
      <ScaleGroup legend={t('services.ratings.levelLegend')} name="rating-level" value={level} onChange={setLevel} stars />
      {level !== undefined && level <= 2 && <Typography.Paragraph type="secondary">{t('services.ratings.badNote')}</Typography.Paragraph>}
      {RATING_INDICATORS.map((k) => (
        <ScaleGroup key={k} legend={t(indicatorLabel(k))} name={`rating-${k}`} value={indicators[k]} onChange={(v) => setIndicators((prev) => ({ ...prev, [k]: v }))} />
      ))}
      <Form.Item label={t('services.ratings.comment')} htmlFor={`rating-comment-${caseId}`}>
        <Input.TextArea id={`rating-comment-${caseId}`} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
      {error !== null && <ErrorAlert error={error} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('services.ratings.submit')}
      </Button>
    </Form>
  );
}

export default RatingForm;

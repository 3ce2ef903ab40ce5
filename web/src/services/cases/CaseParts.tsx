/** Pieces of a case page shared by the portal (applicant) and the console (officer). */
import { Descriptions, Table, Tag, Timeline } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { casesApi, type CaseDetail, type CaseTask } from './casesApi';
import { departmentName, DueTag, timelineText } from './labels';
import { orderedProperties, propertyLabel, ProvenanceNote, type FormSchema } from './SchemaForm';

/** Deadline and working days left, in plain words. */
export function DeadlineText({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.closedAt) return <span>{t('services.cases.closedOn', { date: c.closedAt.slice(0, 10) })}</span>;
  if (!c.deadline) return <span>{c.promisedDays === 0 ? t('services.cases.deadline.sameDay') : t('services.cases.deadline.afterAcceptance', { days: c.promisedDays })}</span>;
  return (
    <span>
      {t('services.cases.deadlineOn', { date: c.deadline })}
      {c.workingDaysLeft !== null && c.workingDaysLeft >= 0 && ` · ${t('services.cases.daysLeft', { days: c.workingDaysLeft })}`} <DueTag due={c.due} />
    </span>
  );
}

export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t, locale } = useI18n();
  const tasks = new Map(c.tasks.map((x) => [x.id, x]));
  return (
    <Timeline
      className="cases-timeline"
      items={c.timeline.map((e) => {
        const task = e.taskId ? tasks.get(e.taskId) : undefined;
        return {
          key: e.seq,
          children: (
            <div>
              <strong>{timelineText(e, t)}</strong>
              {task && <span className="cases-muted"> · {task.name[locale]}</span>}
              <div className="cases-muted">
                {new Date(e.at).toLocaleString(locale)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </div>
              {e.detail.reason && (
                <div>
                  {t('services.cases.reason')}: {e.detail.reason}
                </div>
              )}
              {e.detail.missing && e.detail.missing.length > 0 && (
                <ul className="cases-missing">
                  {e.detail.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
              {e.detail.toDepartment && (
                <div>
                  {t('services.cases.handedTo')}: {e.detail.toDepartment}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

export function CaseAttachments({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (c.attachments.length === 0) return <p className="cases-muted">{t('services.cases.attach.none')}</p>;
  return (
    <ul className="cases-files">
      {c.attachments.map((a) => (
        <li key={a.id}>
          <a href={casesApi.attachmentUrl(c.id, a.id)}>{a.filename}</a> <span className="cases-muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
        </li>
      ))}
    </ul>
  );
}

/** The submitted form, labelled from the item's schema, with the source of each prefilled value. */
export function CaseFormData({ c, schema }: { c: CaseDetail; schema: FormSchema | undefined }) {
  const { t, locale } = useI18n();
  const names = schema?.properties ? [...orderedProperties(schema).map(([n]) => n), ...Object.keys(c.form).filter((k) => !schema.properties![k])] : Object.keys(c.form);
  return (
    <Descriptions column={1} bordered size="small" className="cases-form-data">
      {names
        .filter((n) => c.form[n] !== undefined)
        .map((n) => (
          <Descriptions.Item key={n} label={propertyLabel(n, schema?.properties?.[n], locale)}>
            <div>{String(c.form[n])}</div>
            {c.prefill[n] ? (
              <div>
                <Tag color="green">{t('services.cases.prefilledTag')}</Tag>
                <ProvenanceNote source={c.prefill[n]} />
              </div>
            ) : null}
          </Descriptions.Item>
        ))}
    </Descriptions>
  );
}

/** The process's tasks: who holds what (one-thing processes run in several departments at once). */
export function CaseTasks({ c }: { c: CaseDetail }) {
  const { t, locale } = useI18n();
  return (
    <div className="cases-table">
      <Table<CaseTask>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.tasks}
        columns={[
          { title: t('services.cases.task'), render: (_, x) => x.name[locale] },
          { title: t('services.cases.department'), render: (_, x) => departmentName(x.department, locale) },
          {
            title: t('services.cases.taskStatus'),
            render: (_, x) => (
              <>
                <Tag color={x.status === 'open' ? 'processing' : x.status === 'done' ? 'success' : 'default'}>{t(`services.cases.taskState.${x.status === 'open' || x.status === 'done' || x.status === 'cancelled' || x.status === 'awaiting_applicant' ? x.status : 'open'}`)}</Tag>
                {x.escalated && <Tag color="red">{t('services.cases.escalated')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

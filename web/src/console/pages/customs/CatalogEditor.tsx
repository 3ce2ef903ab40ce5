/**
 * The catalog's 40 subclasses in a searchable table (by text, class and grade); a subclass opens in a
 * drawer to edit its names, description, examples, grade, detector types and header keywords. The
 * 13 classes and 40 subclasses are fixed by the zone's rules, so subclasses are edited, never added
 * or removed.
 */
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { GRADE_COLOR, gradeLabelId, pick } from '../../../customs/format';
import { GRADES, type Grade } from '../../../customs/api';
import type { CatalogDocument, ReferenceFocus, Subclass } from '../../../customs/referenceApi';
import { useI18n } from '../../../i18n/i18n';
import { LocalizedInputs, namePathOf, rowData, TAG_SEPARATORS } from './referenceForm';

const PI_GRADES: Grade[] = ['pi_sensitive', 'pi_general'];

function matches(s: Subclass, q: string): boolean {
  if (!q) return true;
  const hay = [s.id, ...Object.values(s.names), ...Object.values(s.description), ...s.examples, ...s.detectorTypes, ...Object.values(s.headerKeywords).flat()].join('\n').toLowerCase();
  return hay.includes(q.toLowerCase());
}

function SubclassDrawer({ subclass, doc, readOnly, focus, onClose, onSave }: { subclass: Subclass; doc: CatalogDocument; readOnly: boolean; focus: ReferenceFocus | null; onClose(): void; onSave(s: Subclass): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Subclass>();
  const detectorOptions = useMemo(() => [...new Set(doc.subclasses.flatMap((s) => s.detectorTypes))].sort().map((d) => ({ value: d, label: d })), [doc]);
  const className = pick(doc.classes.find((c) => c.id === subclass.classId)?.names, locale);

  // As the Form's `fields`, so the error lands once the drawer's fields exist.
  const focusFields = useMemo(() => (focus?.field ? [{ name: namePathOf(focus.field) as never, errors: [focus.message] }] : undefined), [focus]);

  const title = t(readOnly ? 'customs.reference.viewSubclass' : 'customs.reference.editSubclass', { id: subclass.id });
  return (
    <Drawer open onClose={onClose} width={720} title={title} destroyOnHidden>
      {focus && !focus.field && <div role="alert" className="customs-block ant-form-item-explain-error">{focus.message}</div>}
      <Form<Subclass> form={form} fields={focusFields} layout="vertical" initialValues={subclass} disabled={readOnly} onFinish={(v) => onSave({ ...subclass, ...v, headerKeywords: { ...subclass.headerKeywords, ...v.headerKeywords } })} aria-label={title}>
        <p>
          <code>{subclass.id}</code> · {className}
        </p>
        <LocalizedInputs name="names" label={t('customs.reference.field.names')} />
        <LocalizedInputs name="description" label={t('customs.reference.field.description')} multiline />
        <Form.Item name="examples" label={t('customs.reference.field.examples')} extra={t('customs.reference.tagsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('customs.reference.needOneExample') }]}>
          <Select mode="tags" tokenSeparators={TAG_SEPARATORS} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item
          name="defaultGrade"
          label={t('customs.reference.field.grade')}
          rules={[
            { required: true, message: t('customs.form.required') },
            { validator: async (_r, g: Grade) => ((subclass.classId === 'PI') !== PI_GRADES.includes(g) ? Promise.reject(new Error(t('customs.reference.piGradeRule'))) : undefined) },
          ]}
        >
          <Select options={GRADES.map((g) => ({ value: g, label: t(gradeLabelId(g)) }))} className="filter-select" />
        </Form.Item>
        <Form.Item name="detectorTypes" label={t('customs.reference.field.detectorTypes')} extra={t('customs.reference.detectorHelp')}>
          <Select mode="tags" options={detectorOptions} tokenSeparators={TAG_SEPARATORS} />
        </Form.Item>
        <fieldset className="customs-fieldset">
          <legend>{t('customs.reference.field.headerKeywords')}</legend>
          {(['zhCN', 'zhTW', 'en', 'pinyin'] as const).map((k) => (
            <Form.Item key={k} name={['headerKeywords', k]} label={t(`customs.reference.keywords.${k}`)}>
              <Select mode="tags" tokenSeparators={TAG_SEPARATORS} open={false} suffixIcon={null} />
            </Form.Item>
          ))}
        </fieldset>
        {!readOnly && (
          <Space>
            <Button type="primary" htmlType="submit">
              {t('customs.reference.applyEdit')}
            </Button>
            <Button onClick={onClose}>{t('customs.cancel')}</Button>
          </Space>
        )}
      </Form>
    </Drawer>
  );
}

export function CatalogEditor({ doc, readOnly, focus, onFocusDone, onChange }: { doc: CatalogDocument; readOnly: boolean; focus: ReferenceFocus | null; onFocusDone(): void; onChange(doc: CatalogDocument): void }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [classId, setClassId] = useState<string | undefined>();
  const [grade, setGrade] = useState<Grade | undefined>();
  const [open, setOpen] = useState<{ id: string; focus: ReferenceFocus | null } | null>(null);

  useEffect(() => {
    if (focus?.section === 'subclasses') {
      setOpen({ id: focus.id, focus });
      onFocusDone();
    }
  }, [focus, onFocusDone]);

  const rows = doc.subclasses.filter((s) => (!classId || s.classId === classId) && (!grade || s.defaultGrade === grade) && matches(s, q.trim()));
  const className = (id: string) => pick(doc.classes.find((c) => c.id === id)?.names, locale) || id;
  const editing = open ? doc.subclasses.find((s) => s.id === open.id) : undefined;

  return (
    <section className="customs-reference-catalog" aria-label={t('customs.reference.tab.catalog')}>
      <p className="customs-subtitle">{t('customs.reference.catalogSummary', { classes: doc.classes.length, subclasses: doc.subclasses.length, version: doc.version })}</p>
      <Space wrap className="filters">
        <Input.Search allowClear placeholder={t('customs.reference.search')} aria-label={t('customs.reference.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 260 }} />
        <Select
          allowClear
          className="filter-select"
          aria-label={t('customs.reference.filterClass')}
          placeholder={t('customs.reference.filterClass')}
          value={classId}
          onChange={setClassId}
          options={doc.classes.map((c) => ({ value: c.id, label: pick(c.names, locale) }))}
        />
        <Select allowClear className="filter-select" aria-label={t('customs.reference.filterGrade')} placeholder={t('customs.reference.filterGrade')} value={grade} onChange={setGrade} options={GRADES.map((g) => ({ value: g, label: t(gradeLabelId(g)) }))} />
      </Space>
      <Table<Subclass>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        onRow={(s) => rowData({ 'data-id': s.id })}
        columns={[
          { title: t('customs.reference.col.id'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
          { title: t('customs.reference.col.class'), key: 'class', render: (_, s) => className(s.classId) },
          { title: t('customs.reference.col.name'), key: 'name', render: (_, s) => pick(s.names, locale) },
          { title: t('customs.reference.field.grade'), key: 'grade', render: (_, s) => <Tag color={GRADE_COLOR[s.defaultGrade]}>{t(gradeLabelId(s.defaultGrade))}</Tag> },
          { title: t('customs.reference.field.detectorTypes'), key: 'detectors', render: (_, s) => s.detectorTypes.join(', ') || '—' },
          { title: t('customs.reference.field.examples'), key: 'examples', render: (_, s) => s.examples.slice(0, 3).join('、') },
          {
            title: t('customs.reference.actions'),
            key: 'actions',
            render: (_, s) => (
              <Button size="small" icon={readOnly ? <EyeOutlined aria-hidden /> : <EditOutlined aria-hidden />} onClick={() => setOpen({ id: s.id, focus: null })} aria-label={t(readOnly ? 'customs.reference.viewSubclass' : 'customs.reference.editSubclass', { id: s.id })}>
                {t(readOnly ? 'customs.reference.view' : 'customs.reference.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <SubclassDrawer
          subclass={editing}
          doc={doc}
          readOnly={readOnly}
          focus={open?.focus ?? null}
          onClose={() => setOpen(null)}
          onSave={(s) => {
            onChange({ ...doc, subclasses: doc.subclasses.map((x) => (x.id === s.id ? s : x)) });
            setOpen(null);
          }}
        />
      )}
    </section>
  );
}

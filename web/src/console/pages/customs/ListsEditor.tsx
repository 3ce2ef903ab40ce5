/**
 * The free-trade-zone lists: the negative list and the general data list, one at a time, searchable
 * and filtered by industry and scenario. An item opens in a drawer (fields, conditions, subclasses,
 * threshold and route, or whether a filing is required); items can be added and removed.
 */
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Localized } from '../../../customs/api';
import { LIST_ROUTES } from '../../../customs/api';
import { listRouteLabelId, pick } from '../../../customs/format';
import { useCatalog } from '../../../customs/reference';
import type { GeneralItem, ListKind, ListsDocument, NegativeItem, ReferenceFocus } from '../../../customs/referenceApi';
import { useI18n } from '../../../i18n/i18n';
import { LOCALES, LocalizedInputs, namePathOf, rowData, TAG_SEPARATORS } from './referenceForm';

type Item = NegativeItem | GeneralItem;

const ROUTE_COLOR: Record<string, string> = { security_assessment: 'volcano', standard_contract_or_certification: 'gold', exempt_with_filing: 'blue' };
const ID_PATTERN: Record<ListKind, RegExp> = { negative: /^NL-[A-Z0-9]+(-[A-Z0-9]+)*$/, general: /^GL-[A-Z0-9]+(-[A-Z0-9]+)*$/ };

interface Values {
  id: string;
  industry: string;
  scenario: string;
  category: Localized;
  names: Localized;
  fields: string[];
  condition?: Partial<Localized>;
  subclasses: string[];
  threshold?: { personalSubjects?: number | null; sensitiveSubjects?: number | null };
  route?: NegativeItem['route'];
  filingRequired?: boolean;
}

const itemsOf = (doc: ListsDocument, list: ListKind): Item[] => (list === 'negative' ? doc.negativeList : doc.generalList);

function matches(item: Item, q: string): boolean {
  if (!q) return true;
  const hay = [item.id, item.scenario, ...Object.values(item.names), ...Object.values(item.category), ...item.fields, ...Object.values(item.condition ?? {}), ...item.subclasses].join('\n').toLowerCase();
  return hay.includes(q.toLowerCase());
}

function toItem(list: ListKind, v: Values): Item {
  const condition = v.condition && LOCALES.some((l) => v.condition?.[l]?.trim()) ? (Object.fromEntries(LOCALES.map((l) => [l, v.condition?.[l]?.trim() ?? ''])) as Localized) : null;
  const trim = (x: Localized) => Object.fromEntries(LOCALES.map((l) => [l, x[l].trim()])) as Localized;
  const base = {
    id: v.id.trim(),
    industry: v.industry,
    scenario: v.scenario,
    category: trim(v.category),
    names: trim(v.names),
    fields: v.fields.map((f) => f.trim()).filter((f) => f !== ''),
    condition,
    subclasses: v.subclasses ?? [],
  };
  if (list === 'general') return { ...base, filingRequired: v.filingRequired ?? false };
  const p = v.threshold?.personalSubjects ?? undefined;
  const s = v.threshold?.sensitiveSubjects ?? undefined;
  const threshold = p === undefined && s === undefined ? null : { ...(p === undefined ? {} : { personalSubjects: p }), ...(s === undefined ? {} : { sensitiveSubjects: s }) };
  return { ...base, threshold, route: v.route! };
}

function ItemDrawer({ list, item, doc, readOnly, focus, onClose, onSave }: { list: ListKind; item: Item | null; doc: ListsDocument; readOnly: boolean; focus: ReferenceFocus | null; onClose(): void; onSave(item: Item): void }) {
  const { t, locale } = useI18n();
  const catalog = useCatalog();
  const [form] = Form.useForm<Values>();
  const industry = Form.useWatch('industry', form);
  const takenIds = new Set([...doc.negativeList, ...doc.generalList].map((i) => i.id).filter((id) => id !== item?.id));

  // As the Form's `fields`, so the error lands once the drawer's fields exist.
  const focusFields = useMemo(() => (focus?.field ? [{ name: namePathOf(focus.field) as never, errors: [focus.message] }] : undefined), [focus]);

  const initial: Partial<Values> = item
    ? { ...item, condition: item.condition ?? {}, threshold: 'threshold' in item ? (item.threshold ?? {}) : {}, ...('route' in item ? { route: item.route } : {}), ...('filingRequired' in item ? { filingRequired: item.filingRequired } : {}) }
    : { id: list === 'negative' ? 'NL-' : 'GL-', fields: [], subclasses: [], condition: {}, threshold: {}, filingRequired: false };
  const title = item ? t(readOnly ? 'customs.reference.viewItem' : 'customs.reference.editItem', { id: item.id }) : t('customs.reference.addItem');
  const positive = { type: 'integer' as const, min: 1, message: t('customs.reference.positiveInteger') };

  return (
    <Drawer open onClose={onClose} width={760} title={title} destroyOnHidden>
      {focus && !focus.field && <div role="alert" className="customs-block ant-form-item-explain-error">{focus.message}</div>}
      <Form<Values> form={form} fields={focusFields} layout="vertical" initialValues={initial} disabled={readOnly} onFinish={(v) => onSave(toItem(list, v))} aria-label={title}>
        <Form.Item
          name="id"
          label={t('customs.reference.col.id')}
          extra={t(list === 'negative' ? 'customs.reference.idHelpNegative' : 'customs.reference.idHelpGeneral')}
          rules={[
            { required: true, whitespace: true, message: t('customs.form.required') },
            { pattern: ID_PATTERN[list], message: t(list === 'negative' ? 'customs.reference.idHelpNegative' : 'customs.reference.idHelpGeneral') },
            { validator: async (_r, id: string) => (takenIds.has(id?.trim()) ? Promise.reject(new Error(t('customs.reference.idTaken'))) : undefined) },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="industry" label={t('customs.field.industry')} rules={[{ required: true, message: t('customs.form.required') }]}>
            <Select className="filter-select" options={doc.industries.map((i) => ({ value: i.id, label: pick(i.names, locale) }))} onChange={() => form.setFieldValue('scenario', undefined)} />
          </Form.Item>
          <Form.Item name="scenario" label={t('customs.field.scenario')} rules={[{ required: true, message: t('customs.form.required') }]}>
            <Select className="filter-select" style={{ minWidth: 240 }} options={doc.scenarios.filter((s) => !industry || s.industry === industry).map((s) => ({ value: s.id, label: pick(s.names, locale) }))} />
          </Form.Item>
        </Space>
        <LocalizedInputs name="names" label={t('customs.reference.field.itemName')} />
        <LocalizedInputs name="category" label={t('customs.reference.field.category')} />
        <Form.Item name="fields" label={t('customs.reference.field.fields')} extra={t('customs.reference.tagsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('customs.reference.needOneField') }]}>
          <Select mode="tags" tokenSeparators={TAG_SEPARATORS} open={false} suffixIcon={null} />
        </Form.Item>
        <fieldset className="customs-fieldset">
          <legend>{t('customs.reference.field.condition')}</legend>
          <p className="customs-subtitle">{t('customs.reference.conditionHelp')}</p>
          {LOCALES.map((l) => (
            <Form.Item
              key={l}
              name={['condition', l]}
              label={t(`customs.reference.lang.${l}`)}
              dependencies={LOCALES.filter((x) => x !== l).map((x) => ['condition', x])}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v: string | undefined) => {
                    const any = LOCALES.some((x) => (getFieldValue(['condition', x]) as string | undefined)?.trim());
                    if (any && !v?.trim()) throw new Error(t('customs.reference.conditionAllLanguages'));
                  },
                }),
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          ))}
        </fieldset>
        <Form.Item name="subclasses" label={t('customs.reference.field.subclasses')}>
          <Select mode="multiple" optionFilterProp="label" options={(catalog.data?.subclasses ?? []).map((s) => ({ value: s.id, label: `${s.id} ${pick(s.names, locale)}` }))} loading={!catalog.data} />
        </Form.Item>
        {list === 'negative' ? (
          <>
            <Space wrap size="large" align="start">
              <Form.Item name={['threshold', 'personalSubjects']} label={t('customs.reference.field.thresholdPersonal')} rules={[positive]}>
                <InputNumber<number> min={1} precision={0} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name={['threshold', 'sensitiveSubjects']} label={t('customs.reference.field.thresholdSensitive')} rules={[positive]}>
                <InputNumber<number> min={1} precision={0} style={{ width: 180 }} />
              </Form.Item>
            </Space>
            <Form.Item name="route" label={t('customs.reference.field.route')} rules={[{ required: true, message: t('customs.form.required') }]}>
              <Select className="filter-select" style={{ minWidth: 240 }} options={LIST_ROUTES.map((r) => ({ value: r, label: t(listRouteLabelId(r)!) }))} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="filingRequired" label={t('customs.reference.field.filingRequired')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
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

export function ListsEditor({ doc, readOnly, focus, onFocusDone, onChange }: { doc: ListsDocument; readOnly: boolean; focus: ReferenceFocus | null; onFocusDone(): void; onChange(doc: ListsDocument): void }) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<ListKind>('negative');
  const [q, setQ] = useState('');
  const [industry, setIndustry] = useState<string | undefined>();
  const [scenario, setScenario] = useState<string | undefined>();
  const [open, setOpen] = useState<{ id: string | null; focus: ReferenceFocus | null } | null>(null);

  useEffect(() => {
    if (focus?.section === 'negativeList' || focus?.section === 'generalList') {
      setList(focus.section === 'negativeList' ? 'negative' : 'general');
      setOpen({ id: focus.id, focus });
      onFocusDone();
    }
  }, [focus, onFocusDone]);

  const items = itemsOf(doc, list);
  const rows = items.filter((i) => (!industry || i.industry === industry) && (!scenario || i.scenario === scenario) && matches(i, q.trim()));
  const industryName = (id: string) => pick(doc.industries.find((i) => i.id === id)?.names, locale) || id;
  const scenarioName = (id: string) => pick(doc.scenarios.find((s) => s.id === id)?.names, locale) || id;
  const editing = open?.id ? items.find((i) => i.id === open.id) : null;

  const replace = (next: Item[]) => onChange(list === 'negative' ? { ...doc, negativeList: next as NegativeItem[] } : { ...doc, generalList: next as GeneralItem[] });
  const save = (item: Item) => {
    replace(open?.id ? items.map((i) => (i.id === open.id ? item : i)) : [...items, item]);
    setOpen(null);
  };

  return (
    <section className="customs-reference-lists" aria-label={t('customs.reference.tab.lists')}>
      <p className="customs-subtitle">
        {t('customs.reference.listsSummary', { negative: doc.negativeList.length, general: doc.generalList.length, scenarios: doc.scenarios.length, version: doc.version })}
      </p>
      <Space wrap className="filters">
        <Radio.Group
          aria-label={t('customs.reference.whichList')}
          optionType="button"
          buttonStyle="solid"
          value={list}
          onChange={(e) => setList(e.target.value as ListKind)}
          options={(['negative', 'general'] as const).map((l) => ({ value: l, label: t(`customs.reference.list.${l}`) }))}
        />
        <Input.Search allowClear placeholder={t('customs.reference.search')} aria-label={t('customs.reference.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />
        <Select
          allowClear
          className="filter-select"
          aria-label={t('customs.field.industry')}
          placeholder={t('customs.field.industry')}
          value={industry}
          onChange={(v) => {
            setIndustry(v);
            setScenario(undefined);
          }}
          options={doc.industries.map((i) => ({ value: i.id, label: pick(i.names, locale) }))}
        />
        <Select
          allowClear
          className="filter-select"
          style={{ minWidth: 220 }}
          aria-label={t('customs.field.scenario')}
          placeholder={t('customs.field.scenario')}
          value={scenario}
          onChange={setScenario}
          options={doc.scenarios.filter((s) => !industry || s.industry === industry).map((s) => ({ value: s.id, label: pick(s.names, locale) }))}
        />
        {!readOnly && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen({ id: null, focus: null })}>
            {t('customs.reference.addItem')}
          </Button>
        )}
      </Space>
      <Table<Item>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        onRow={(i) => rowData({ 'data-id': i.id })}
        columns={[
          { title: t('customs.reference.col.id'), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
          { title: t('customs.field.industry'), key: 'industry', render: (_, i) => industryName(i.industry) },
          { title: t('customs.field.scenario'), key: 'scenario', render: (_, i) => scenarioName(i.scenario) },
          { title: t('customs.reference.col.name'), key: 'name', render: (_, i) => pick(i.names, locale) },
          { title: t('customs.reference.field.fields'), key: 'fields', render: (_, i) => i.fields.join('、') },
          list === 'negative'
            ? {
                title: t('customs.reference.field.route'),
                key: 'route',
                render: (_, i) => {
                  const route = (i as NegativeItem).route;
                  const id = listRouteLabelId(route);
                  return (
                    <Tag color={ROUTE_COLOR[route]} data-route={route}>
                      {id ? t(id) : route}
                    </Tag>
                  );
                },
              }
            : { title: t('customs.reference.field.filingRequired'), key: 'filing', render: (_, i) => t((i as GeneralItem).filingRequired ? 'customs.yes' : 'customs.no') },
          {
            title: t('customs.reference.actions'),
            key: 'actions',
            render: (_, i) => (
              <Space size={4}>
                <Button size="small" icon={readOnly ? <EyeOutlined aria-hidden /> : <EditOutlined aria-hidden />} onClick={() => setOpen({ id: i.id, focus: null })} aria-label={t(readOnly ? 'customs.reference.viewItem' : 'customs.reference.editItem', { id: i.id })}>
                  {t(readOnly ? 'customs.reference.view' : 'customs.reference.edit')}
                </Button>
                {!readOnly && (
                  <Popconfirm title={t('customs.reference.removeConfirm', { id: i.id })} okText={t('customs.reference.remove')} cancelText={t('customs.cancel')} onConfirm={() => replace(items.filter((x) => x.id !== i.id))}>
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('customs.reference.removeItem', { id: i.id })}>
                      {t('customs.reference.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open && (open.id === null || editing) && <ItemDrawer key={open.id ?? 'new'} list={list} item={editing ?? null} doc={doc} readOnly={readOnly} focus={open.focus} onClose={() => setOpen(null)} onSave={save} />}
    </section>
  );
}

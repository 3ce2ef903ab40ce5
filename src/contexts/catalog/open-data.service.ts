/**
 * The open data portal (公共数据开放): published datasets whose opening type is 开放 or 有条件开放,
 * for anyone without signing in, described in DCAT 3 JSON-LD and through a CKAN-compatible read
 * API, so existing harvesters work unchanged. Only 开放 datasets are downloadable; 有条件开放
 * ones are listed with their metadata (access needs an application).
 */
import { AppError, notFound } from '../../kernel/errors.ts';
import type { AggregationService } from './aggregation.service.ts';
import { PERIODICITY_URI, type DatasetMetadata } from './catalog.model.ts';
import type { Dataset } from './catalog.repo.ts';
import { searchWords, type CatalogService, type DatasetSummary } from './catalog.service.ts';

export const LISTED_OPENING_TYPES = ['open', 'conditional'] as const;

export interface OpenDataset extends DatasetSummary {
  fields: { name: string; title: string; type: string; meaning: string }[];
  license: string | null;
  downloadable: boolean;
}

const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  csvw: 'http://www.w3.org/ns/csvw#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const XSD_TYPE: Record<string, string> = {
  string: 'xsd:string',
  integer: 'xsd:integer',
  number: 'xsd:decimal',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  boolean: 'xsd:boolean',
};

export class OpenDataService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly aggregation: AggregationService,
  ) {}

  private async openDataset(r: Dataset): Promise<OpenDataset> {
    const m = JSON.parse(r.metadata) as DatasetMetadata;
    return {
      ...(await this.catalog.summary(r)),
      fields: m.fields.map((f) => ({ name: f.name, title: f.title, type: f.type, meaning: f.meaning })),
      license: m.license ?? null,
      downloadable: r.opening_type === 'open',
    };
  }

  async list(f: { q?: string | undefined; theme?: string | undefined; page: number; pageSize: number }): Promise<{ items: OpenDataset[]; total: number }> {
    const { rows, total } = await this.catalog.repo.listDatasets(this.catalog.db, {
      state: 'published',
      openingTypes: LISTED_OPENING_TYPES,
      theme: f.theme,
      words: searchWords(f.q),
      offset: (f.page - 1) * f.pageSize,
      limit: f.pageSize,
    });
    return { items: await Promise.all(rows.map((r) => this.openDataset(r))), total };
  }

  /** A listed dataset by numeric id or identifier (CKAN name). */
  private async listed(idOrName: string): Promise<Dataset> {
    const r = /^\d+$/.test(idOrName)
      ? await this.catalog.repo.datasetById(this.catalog.db, Number(idOrName))
      : await this.catalog.repo.datasetByIdentifier(this.catalog.db, idOrName);
    if (!r || r.state !== 'published' || !(LISTED_OPENING_TYPES as readonly string[]).includes(r.opening_type)) throw notFound('open dataset', idOrName);
    return r;
  }

  async get(idOrName: string): Promise<OpenDataset> {
    return this.openDataset(await this.listed(idOrName));
  }

  /** The records of a 开放 dataset, for a CSV or JSON download. */
  async download(idOrName: string): Promise<{ dataset: OpenDataset; rows: AsyncGenerator<Record<string, unknown>> }> {
    const r = await this.listed(idOrName);
    const dataset = await this.openDataset(r);
    if (!dataset.downloadable) throw new AppError('forbidden', `${r.identifier} is conditionally open (有条件开放): apply to its publisher for access`, { openingType: r.opening_type });
    return { dataset, rows: this.aggregation.allRows(r.id) };
  }

  // ---- DCAT 3 ----------------------------------------------------------------------------------

  private dcatDataset(d: OpenDataset, base: string): Record<string, unknown> {
    const page = `${base}/portal/open-data/${d.identifier}`;
    const api = `${base}/api/open/datasets/${d.identifier}`;
    const distributions = d.downloadable
      ? [
          { '@type': 'dcat:Distribution', 'dcterms:title': 'CSV', 'dcat:downloadURL': { '@id': `${api}/download.csv` }, 'dcat:mediaType': 'text/csv', 'dcterms:format': 'CSV' },
          { '@type': 'dcat:Distribution', 'dcterms:title': 'JSON', 'dcat:downloadURL': { '@id': `${api}/download.json` }, 'dcat:mediaType': 'application/json', 'dcterms:format': 'JSON' },
        ]
      : [{ '@type': 'dcat:Distribution', 'dcterms:title': 'Access on application', 'dcat:accessURL': { '@id': page } }];
    return {
      '@id': page,
      '@type': 'dcat:Dataset',
      'dcterms:identifier': d.identifier,
      'dcterms:title': [{ '@value': d.title, '@language': 'zh-CN' }, ...(d.titleEn ? [{ '@value': d.titleEn, '@language': 'en' }] : [])],
      'dcterms:description': { '@value': d.description, '@language': 'zh-CN' },
      'dcterms:publisher': { '@type': 'foaf:Organization', 'foaf:name': d.publisher.name, 'dcterms:identifier': d.publisher.code },
      'dcat:theme': d.theme,
      'dcat:keyword': d.keywords,
      'dcterms:accrualPeriodicity': { '@id': PERIODICITY_URI[d.accrualPeriodicity as keyof typeof PERIODICITY_URI] },
      'dcterms:issued': { '@value': d.publishedAt ?? d.createdAt, '@type': 'xsd:dateTime' },
      'dcterms:modified': { '@value': d.lastLoadedAt ?? d.updatedAt, '@type': 'xsd:dateTime' },
      'dcat:version': String(d.version),
      'dcterms:accessRights': d.downloadable ? 'public' : 'restricted',
      ...(d.license ? { 'dcterms:license': d.license } : {}),
      'dcterms:conformsTo': {
        '@type': 'csvw:Schema',
        'csvw:column': d.fields.map((f) => ({ 'csvw:name': f.name, 'csvw:titles': f.title, 'csvw:datatype': XSD_TYPE[f.type] ?? 'xsd:string', 'dcterms:description': f.meaning })),
      },
      'dcat:distribution': distributions,
    };
  }

  async dcat(idOrName: string, base: string): Promise<Record<string, unknown>> {
    return { '@context': DCAT_CONTEXT, ...this.dcatDataset(await this.get(idOrName), base) };
  }

  async dcatCatalog(base: string): Promise<Record<string, unknown>> {
    const datasets: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.list({ page, pageSize: 200 });
      datasets.push(...items.map((d) => this.dcatDataset(d, base)));
      if (items.length < 200) break;
    }
    return {
      '@context': DCAT_CONTEXT,
      '@id': `${base}/api/open/catalog.jsonld`,
      '@type': 'dcat:Catalog',
      'dcterms:title': [
        { '@value': '平潭综合实验区公共数据开放目录', '@language': 'zh-CN' },
        { '@value': 'Pingtan open data catalog', '@language': 'en' },
      ],
      'dcat:dataset': datasets,
    };
  }

  // ---- CKAN action API (read) ------------------------------------------------------------------

  ckanPackage(d: OpenDataset, base: string): Record<string, unknown> {
    const api = `${base}/api/open/datasets/${d.identifier}`;
    const resources = d.downloadable
      ? (['csv', 'json'] as const).map((fmt) => ({
          id: `${d.identifier}-${fmt}`,
          package_id: d.identifier,
          name: `${d.title} (${fmt.toUpperCase()})`,
          url: `${api}/download.${fmt}`,
          format: fmt.toUpperCase(),
          mimetype: fmt === 'csv' ? 'text/csv' : 'application/json',
          description: d.description,
          created: d.publishedAt ?? d.createdAt,
          last_modified: d.lastLoadedAt,
        }))
      : [];
    return {
      id: d.identifier,
      name: d.identifier,
      title: d.title,
      notes: d.description,
      url: `${base}/portal/open-data/${d.identifier}`,
      version: String(d.version),
      state: 'active',
      private: false,
      type: 'dataset',
      metadata_created: d.createdAt,
      metadata_modified: d.updatedAt,
      license_id: d.license,
      license_title: d.license,
      owner_org: d.publisher.code,
      organization: { id: d.publisher.code, name: d.publisher.code.toLowerCase(), title: d.publisher.name, type: 'organization', is_organization: true },
      tags: d.keywords.map((k) => ({ name: k, display_name: k })),
      num_tags: d.keywords.length,
      groups: [{ name: d.theme, title: d.theme }],
      extras: [
        { key: 'accrual_periodicity', value: d.accrualPeriodicity },
        { key: 'opening_type', value: d.openingType },
        { key: 'sharing_type', value: d.sharingType },
        { key: 'grade', value: d.grade ?? '' },
        { key: 'dcat_jsonld', value: `${api}/dcat.jsonld` },
      ],
      resources,
      num_resources: resources.length,
    };
  }

  async ckanPackageList(): Promise<string[]> {
    const names: string[] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.list({ page, pageSize: 500 });
      names.push(...items.map((d) => d.identifier));
      if (items.length < 500) return names.sort();
    }
  }

  async ckanPackageShow(id: string, base: string): Promise<Record<string, unknown>> {
    return this.ckanPackage(await this.get(id), base);
  }

  async ckanPackageSearch(f: { q?: string | undefined; rows: number; start: number }, base: string): Promise<{ count: number; results: Record<string, unknown>[]; sort: string; facets: object; search_facets: object }> {
    // CKAN pages by offset; the catalog lists by page, so read the window the offset falls in.
    const pageSize = Math.max(1, f.rows);
    const first = await this.list({ q: f.q, page: Math.floor(f.start / pageSize) + 1, pageSize });
    let items = first.items;
    const skip = f.start % pageSize;
    if (skip > 0) {
      const next = await this.list({ q: f.q, page: Math.floor(f.start / pageSize) + 2, pageSize });
      items = [...items.slice(skip), ...next.items].slice(0, pageSize);
    }
    return { count: first.total, results: items.slice(0, f.rows).map((d) => this.ckanPackage(d, base)), sort: 'id desc', facets: {}, search_facets: {} };
  }
}

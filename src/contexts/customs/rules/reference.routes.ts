/**
 * The customs reference data as a read-only API, for the web declaration form and the analysis views:
 * GET /api/customs/lists (industries, application scenarios and negative-list items of the free-trade
 * zone's lists, names in zh-CN, zh-TW and en) and GET /api/customs/catalog (the 13 classes and 40
 * subclasses with names and grades). Any signed-in person may read them; the lists and the catalog are
 * published rules, not anyone's data. Keyword tables (how headers map onto subclasses) are left out.
 * GET /api/public/customs/catalog/names gives anyone (no sign-in) the class and subclass names, for the
 * public clearance verification page.
 * Served from the versions in force (the reference service's publications) when given a source,
 * otherwise from the shipped files.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../../http/auth.ts';
import { getCatalog, GRADES, type Catalog } from './catalog.ts';
import { getDefaultLists, INDUSTRIES, LIST_ROUTES, type LoadedLists } from './lists.ts';

const text = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });

const listsDto = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  title: text,
  /** Every industry a declaration may name; `covered` says whether the zone's lists cover it. */
  industries: z.array(z.object({ id: z.enum(INDUSTRIES), names: text, covered: z.boolean() })),
  scenarios: z.array(z.object({ id: z.string(), industry: z.string(), names: text, description: text })),
  negativeList: z.array(
    z.object({
      id: z.string(),
      industry: z.string(),
      scenario: z.string(),
      category: text,
      names: text,
      fields: z.array(z.string()),
      condition: text.nullable(),
      subclasses: z.array(z.string()),
      threshold: z.object({ personalSubjects: z.number().optional(), sensitiveSubjects: z.number().optional() }).nullable(),
      route: z.enum(LIST_ROUTES),
    }),
  ),
});

const catalogDto = z.object({
  version: z.string(),
  effectiveFrom: z.string(),
  title: text,
  grades: z.array(z.enum(GRADES)),
  classes: z.array(z.object({ id: z.string(), names: text })),
  subclasses: z.array(z.object({ id: z.string(), classId: z.string(), names: text, description: text, examples: z.array(z.string()), grade: z.enum(GRADES) })),
});

const catalogNamesDto = z.object({
  version: z.string(),
  classes: z.array(z.object({ id: z.string(), names: text })),
  subclasses: z.array(z.object({ id: z.string(), classId: z.string(), names: text, grade: z.enum(GRADES) })),
});

/** Names of the industry outside the zone's lists (the lists name only the industries they cover). */
const OTHER_INDUSTRY = { 'zh-CN': '其他行业', 'zh-TW': '其他產業', en: 'Other industries' };

/** Where the catalog and lists in force come from (the reference service, or the shipped files). */
export interface ReferenceSource {
  catalog(): Promise<Catalog>;
  lists(): Promise<LoadedLists>;
}

const SHIPPED: ReferenceSource = { catalog: async () => getCatalog(), lists: async () => getDefaultLists() };

export function registerReferenceRoutes(source: ReferenceSource = SHIPPED) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/customs/lists',
      { schema: { tags: ['customs'], description: 'Industries, application scenarios and negative-list items of the current free-trade-zone lists.', response: { 200: listsDto } } },
      async (req) => {
        requirePrincipal(req);
        const lists = await source.lists();
        const d = lists.document;
        return {
          version: d.version,
          effectiveFrom: d.effectiveFrom,
          title: d.title,
          industries: INDUSTRIES.map((id) => ({ id, names: lists.industryNames.get(id) ?? OTHER_INDUSTRY, covered: lists.coveredIndustries.has(id) })),
          scenarios: d.scenarios.map((s) => ({ id: s.id, industry: s.industry, names: s.names, description: s.description })),
          negativeList: d.negativeList.map((i) => ({
            id: i.id,
            industry: i.industry,
            scenario: i.scenario,
            category: i.category,
            names: i.names,
            fields: i.fields,
            condition: i.condition,
            subclasses: i.subclasses,
            threshold: i.threshold,
            route: i.route,
          })),
        };
      },
    );

    // Public (no sign-in): the names of the classes and subclasses, so that the public clearance page
    // can show a clearance's scope in the reader's language.
    r.get(
      '/public/customs/catalog/names',
      { config: { public: true }, schema: { tags: ['customs', 'public'], description: 'Names of the classes and subclasses of the catalog in force, in zh-CN, zh-TW and en (no sign-in).', response: { 200: catalogNamesDto } } },
      async () => {
        const c = await source.catalog();
        return {
          version: c.version,
          classes: c.classes.map((k) => ({ id: k.id, names: k.names })),
          subclasses: c.subclasses.map((s) => ({ id: s.id, classId: s.classId, names: s.names, grade: s.defaultGrade })),
        };
      },
    );

    r.get(
      '/customs/catalog',
      { schema: { tags: ['customs'], description: 'Classes and subclasses of the classification and grading catalog, with names and default grades.', response: { 200: catalogDto } } },
      async (req) => {
        requirePrincipal(req);
        const c = await source.catalog();
        return {
          version: c.version,
          effectiveFrom: c.document.effectiveFrom,
          title: c.document.title,
          grades: [...GRADES],
          classes: c.classes.map((k) => ({ id: k.id, names: k.names })),
          subclasses: c.subclasses.map((s) => ({ id: s.id, classId: s.classId, names: s.names, description: s.description, examples: s.examples, grade: s.defaultGrade })),
        };
      },
    );
  };
}

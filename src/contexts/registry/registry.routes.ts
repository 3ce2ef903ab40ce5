import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal, requireScope } from '../../http/auth.ts';
import { AppError } from '../../kernel/errors.ts';
import { BOOKS, RIGHTS, SOURCE_KINDS, SUBJECT_TYPES } from './registry.config.ts';
import type { OperationService } from './registry.operation.ts';
import type { RegistryPublic } from './registry.public.ts';
import type { RegistryService } from './registry.service.ts';
import { ACTIONS } from './registry.workflow.ts';
import { renderCertificatePdf } from './registry.pdf.ts';

const sm3Hex = z.string().regex(/^[0-9a-f]{64}$/, 'SM3 hash: 64 lowercase hex characters');
const text = (max = 2000) => z.string().trim().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');
const right = z.enum(RIGHTS);
const rightClaim = z.object({ right, evidence: text(4000) });
const dataDescription = z.object({
  name: text(200).min(1),
  description: text(4000).optional(),
  source: text().optional(),
  acquisitionProof: text().optional(),
  fields: z.array(z.object({ name: text(200).min(1), type: text(100).optional(), description: text(500).optional() })).max(2000).optional(),
  scale: z.object({ records: z.number().int().nonnegative().optional(), bytes: z.number().int().nonnegative().optional(), note: text(500).optional() }).optional(),
  updateFrequency: text(200).optional(),
  storageLocation: text(500).optional(),
  processingRules: text(4000).optional(),
  format: text(100).optional(),
});
const counterparty = z.object({ orgCode: text(64).optional(), name: text(200).optional() });
const registrationNo = z.string().regex(/^\d{15}[\dX]$/, '16-character registration number');
const page = { page: z.coerce.number().int().positive().default(1), pageSize: z.coerce.number().int().positive().max(100).default(20) };

const applicationInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('first'),
    book: z.enum(BOOKS),
    subjectType: z.enum(SUBJECT_TYPES),
    sourceKind: z.enum(SOURCE_KINDS),
    data: dataDescription,
    rights: z.array(rightClaim).min(1).max(3),
    dataSm3: sm3Hex.optional(),
    authorisationId: z.number().int().positive().optional(),
  }),
  z.object({ type: z.enum(['change', 'correction']), registrationNo, changes: dataDescription.partial(), rights: z.array(rightClaim).min(1).max(3).optional(), reason: text().min(1) }),
  z.object({ type: z.literal('transfer'), registrationNo, to: counterparty, rights: z.array(right).min(1).max(3), priceFen: z.number().int().nonnegative(), contractSm3: sm3Hex }),
  z.object({ type: z.literal('licence'), registrationNo, to: counterparty, rights: z.array(right).min(1).max(3), priceFen: z.number().int().nonnegative(), contractSm3: sm3Hex, termEnd: date }),
  z.object({ type: z.literal('renewal'), registrationNo }),
  z.object({ type: z.literal('cancellation'), registrationNo, reason: text().min(1) }),
]);

async function filePart(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data in a field named "file"');
  const part = await req.file();
  if (!part) throw new AppError('bad_request', 'no file in the request (multipart field "file")');
  return { filename: part.filename, file: part.file, truncated: () => part.file.truncated };
}

export function registerRegistryRoutes(registry: RegistryService, pub: RegistryPublic, operation: OperationService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['registry'];
    const id = z.object({ id: z.coerce.number().int().positive() });

    r.get('/registry/config', { schema: { tags, description: 'Books, rights, registration types and their review steps (versioned configuration).' } }, async () => registry.config);

    // ---- applications and review ----
    r.get('/registry/applications', { schema: { tags, querystring: z.object({ status: z.string().max(200).optional(), type: z.string().max(40).optional(), q: text(200).optional(), ...page }) } }, async (req) =>
      registry.listApplications(requirePrincipal(req), req.query),
    );
    r.post('/registry/applications', { schema: { tags, body: applicationInput } }, async (req, reply) => {
      const p = requireScope(req, 'registry:apply');
      return reply.status(201).send(await registry.createApplication(p, req.body));
    });
    r.get('/registry/applications/:id', { schema: { tags, params: id } }, async (req) => registry.applicationDetail(requirePrincipal(req), req.params.id));
    r.patch(
      '/registry/applications/:id',
      { schema: { tags, params: id, body: z.object({ data: dataDescription.partial().optional(), rights: z.array(rightClaim).min(1).max(3).optional(), dataSm3: sm3Hex.optional() }) } },
      async (req) => registry.updateApplication(requireScope(req, 'registry:apply'), req.params.id, req.body),
    );
    r.post('/registry/applications/:id/data', { schema: { tags, params: id, description: 'Upload the data (multipart "file"): it is hashed with SM3 as it streams and not kept.' } }, async (req) => {
      const p = requireScope(req, 'registry:apply');
      const f = await filePart(req);
      return registry.hashData(p, req.params.id, f.file, f.truncated);
    });
    r.post('/registry/applications/:id/sample', { schema: { tags, params: id, description: 'Upload a sample (multipart "file"); the detection engine labels it.' } }, async (req) => {
      const p = requireScope(req, 'registry:apply');
      return registry.uploadSample(p, req.params.id, await filePart(req));
    });
    r.post(
      '/registry/applications/:id/attachments',
      { schema: { tags, params: id, querystring: z.object({ kind: z.string().max(40) }), description: 'Attach a document (multipart "file"); kind=acquisition_proof, evidence_hold, evidence_use, evidence_operate, contract, agreement, third_party_report, other.' } },
      async (req, reply) => {
        const p = requirePrincipal(req);
        const a = await registry.addAttachment(p, req.params.id, req.query.kind, await filePart(req));
        return reply.status(201).send({ id: a.id, kind: a.kind, filename: a.filename, size: Number(a.size), sm3: a.sm3 });
      },
    );
    r.get('/registry/attachments/:id', { schema: { tags, params: id } }, async (req, reply) => {
      const { attachment, stream } = await registry.attachmentBlob(requirePrincipal(req), req.params.id);
      void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
      return reply.type('application/octet-stream').send(stream);
    });
    r.post(
      '/registry/applications/:id/actions',
      {
        schema: {
          tags,
          params: id,
          body: z.object({
            action: z.enum(ACTIONS),
            missing: z.array(text(500)).max(100).optional(),
            reason: text(4000).optional(),
            objectionId: z.number().int().positive().optional(),
            outcome: z.enum(['upheld', 'dismissed']).optional(),
          }),
          description: 'One workflow action. 409 illegal_transition lists the allowed actions.',
        },
      },
      async (req) => registry.act(requirePrincipal(req), req.params.id, req.body),
    );

    // ---- registrations and pledges ----
    r.get('/registry/registrations', { schema: { tags, querystring: z.object({ q: text(200).optional(), ...page }) } }, async (req) => registry.listRegistrations(requirePrincipal(req), req.query));
    r.get('/registry/registrations/:no', { schema: { tags, params: z.object({ no: registrationNo }) } }, async (req) => registry.registrationDetail(requirePrincipal(req), req.params.no));
    r.post(
      '/registry/registrations/:no/suspension',
      { schema: { tags, params: z.object({ no: registrationNo }), body: z.object({ suspended: z.boolean(), reason: text().min(1) }) } },
      async (req) => ({ status: await registry.setSuspended(requirePrincipal(req), req.params.no, req.body) }),
    );
    r.get('/registry/pledges/consents', { schema: { tags, description: 'Applications waiting for this pledgee’s consent.' } }, async (req) => ({ items: await registry.pendingConsents(requirePrincipal(req)) }));
    r.get('/registry/pledges', { schema: { tags } }, async (req) => ({ items: await registry.listPledges(requirePrincipal(req)) }));
    r.post(
      '/registry/pledges',
      {
        schema: {
          tags,
          body: z.object({ registrationNo, amountFen: z.number().int().positive(), termStart: date, termEnd: date, externalNo: text(100).optional(), contractSm3: sm3Hex.optional() }),
        },
      },
      async (req, reply) => reply.status(201).send(await registry.registerPledge(requirePrincipal(req), req.body)),
    );
    r.post('/registry/pledges/:id/release', { schema: { tags, params: id } }, async (req) => registry.releasePledge(requirePrincipal(req), req.params.id));

    // ---- public data authorised operation ----
    r.get('/registry/authorisations', { schema: { tags } }, async () => ({ items: await operation.list() }));
    r.get('/registry/authorisations/:id', { schema: { tags, params: id } }, async (req) => operation.get(req.params.id));
    r.post(
      '/registry/authorisations',
      {
        schema: {
          tags,
          body: z.object({
            implementingBody: text(200).min(1),
            operator: counterparty,
            scope: text(4000).min(1),
            startsOn: date,
            endsOn: date,
            agreementRef: text(200).min(1),
            agreementSm3: sm3Hex.optional(),
            feeCap: text(500).optional(),
          }),
        },
      },
      async (req, reply) => reply.status(201).send(await operation.create(requirePrincipal(req), req.body)),
    );
    r.post(
      '/registry/authorisations/:id/products',
      { schema: { tags, params: id, body: z.object({ name: text(200).min(1), kind: z.enum(['product', 'service']), priceFen: z.number().int().nonnegative(), unit: text(50) }) } },
      async (req, reply) => reply.status(201).send(await operation.addProduct(requirePrincipal(req), req.params.id, req.body)),
    );
    r.post(
      '/registry/authorisations/:id/disclosures',
      { schema: { tags, params: id, body: z.object({ year: z.number().int(), party: z.enum(['implementing', 'operator']), content: z.record(z.string(), z.unknown()) }) } },
      async (req, reply) => reply.status(201).send(await operation.disclose(requirePrincipal(req), req.params.id, req.body)),
    );

    // ---- public, no account ----
    r.get('/registry/public/notices', { schema: { tags, querystring: z.object({ q: text(200).optional(), ...page }) } }, async (req) => pub.notices(req.query));
    r.post(
      '/registry/public/notices/:id/objections',
      { schema: { tags, params: id, body: z.object({ name: text(100).min(1), contact: text(200).min(1), reason: text(4000).min(1) }), description: 'Anyone may object during a public notice; it suspends the notice.' } },
      async (req, reply) => reply.status(201).send(await registry.fileObjection(req.principal, req.params.id, req.body)),
    );
    r.get('/registry/public/registrations', { schema: { tags, querystring: z.object({ q: text(200).optional(), book: z.enum(BOOKS).optional(), ...page }) } }, async (req) => pub.search(req.query));
    r.get('/registry/public/dcat.jsonld', { schema: { tags, description: 'DCAT 3 catalogue (JSON-LD) of the registrations in force.' } }, async (_req, reply) =>
      reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(await pub.dcat())),
    );
    r.get('/registry/public/authorisations', { schema: { tags } }, async () => ({ items: await operation.list() }));
    r.get('/registry/issuer', { schema: { tags, description: 'The registry and the SM2 public keys its certificates are signed with.' } }, async () => ({
      name: registry.issuerName,
      url: registry.deps.origin,
      keys: registry.trustedKeys.map((k) => ({ keyId: k.keyId, publicKeyHex: k.publicKeyHex })),
      publicKeyPem: registry.deps.signer.publicKeyPem,
      cryptosuite: 'landao-sm2-sm3-jcs-2026 (SM2 signature, SM3 digest, distinguishing id 1234567812345678; not a registered W3C cryptosuite)',
    }));
    r.get('/registry/verify/:no', { schema: { tags, params: z.object({ no: z.string().regex(/^\d{17}$/) }), description: 'Current status of a certificate (the page behind its QR code).' } }, async (req) =>
      pub.status(req.params.no),
    );
    r.post('/registry/verify', { schema: { tags, body: z.object({ document: z.unknown() }), description: 'Verify a certificate file: signed JSON or Verifiable Credential.' } }, async (req) =>
      pub.verify(req.body.document),
    );
    r.get('/registry/certificates/:no', { schema: { tags, params: z.object({ no: z.string().regex(/^\d{17}$/) }), querystring: z.object({ form: z.enum(['signed-json', 'vc']).default('signed-json') }) } }, async (req) => {
      const forms = await registry.certificateForms(req.principal, req.params.no);
      return req.query.form === 'vc' ? forms.credential : forms.document;
    });
    r.get('/registry/certificates/:no/pdf', { schema: { tags, params: z.object({ no: z.string().regex(/^\d{17}$/) }) } }, async (req, reply) => {
      const pdf = await renderCertificatePdf(registry, pub, req.params.no);
      void reply.header('content-disposition', `inline; filename="certificate-${req.params.no}.pdf"`);
      return reply.type('application/pdf').send(pdf);
    });
  };
}

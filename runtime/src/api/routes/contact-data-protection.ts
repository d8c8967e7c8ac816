import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { contactArchive } from '../../contacts/contact-archive.ts';
import { contactRecords } from '../../contacts/contact-records.ts';
import { auditDataProtection, type DataProtectionAuditEntry } from '../data-protection-audit.ts';
import { eraseContact, runsInProgressFor } from '../../contacts/erase-contact.ts';
import { recordingStoreFromEnv } from '../../recordings/recording-store-from-env.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv, Principal } from '../app-deps.ts';
import { clientAddress } from '../client-address.ts';
import { readerLanguage } from '../reader-language.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

const forbidden = { 403: json(errorSchema, 'Only admins handle data-protection requests') };

const routes = {
  export: createRoute({
    method: 'get',
    path: '/contacts/{id}/export',
    tags: ['contacts'],
    summary:
      'Data-protection access request (admin): one zip of everything held about the contact, with a manifest of checksums',
    request: { params: idParam },
    responses: {
      200: {
        description:
          'contact.json, addresses.csv, messages.jsonl, runs, calls, recordings/*.wav… and manifest.json',
        content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  erase: createRoute({
    method: 'post',
    path: '/contacts/{id}/erase',
    tags: ['contacts'],
    summary:
      'Data-protection erasure (admin): names, fields, addresses, message bodies and recordings go; the contact stays as an anonymous row so counts hold. Repeating it is harmless',
    request: { params: idParam },
    responses: {
      200: json(
        z
          .object({ messages: z.number().int(), recordings: z.number().int(), erasedAt: z.string() })
          .openapi('ContactErasure'),
        'What was erased',
      ),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

const runsOpenText = {
  en: (count: number) =>
    `${count} flow run(s) for this contact are still in progress: cancel them in Runs (or wait for them to end), then erase`,
  es: (count: number) =>
    `Hay ${count} ejecución(es) de flujos en curso para este contacto: cancélalas en Ejecuciones (o espera a que terminen) y vuelve a borrar`,
};

/** GET /contacts/{id}/export and POST /contacts/{id}/erase: a person's rights over their data. */
export function contactDataProtectionRoutes(deps: AppDeps) {
  const { db } = deps;
  const store = () => deps.recordingStore ?? recordingStoreFromEnv(process.env);
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const audit = (
    c: { req: { header(name: string): string | undefined } },
    address: string,
    principal: Principal,
    entry: Pick<DataProtectionAuditEntry, 'action' | 'contactId' | 'detail'>,
  ) =>
    auditDataProtection(db, {
      ...entry,
      principal,
      ip: address,
      userAgent: c.req.header('user-agent') ?? null,
    });

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.export, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const records = await contactRecords(db, principal.workspaceId, id);
      if (!records) throw notFound('Contact', id);
      const { zip, manifest } = await contactArchive(records, store());
      await audit(c, clientAddress(c, trustProxy), principal, {
        action: 'contact.exported',
        contactId: id,
        detail: { files: manifest.files.map(({ path, sha256 }) => ({ path, sha256 })) },
      });
      return new Response(new Uint8Array(zip), {
        status: 200,
        headers: {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="contact-${id}.zip"`,
          'cache-control': 'no-store',
        },
      }) as never;
    })
    .openapi(routes.erase, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const open = await runsInProgressFor(db, principal.workspaceId, id);
      if (open.length > 0)
        throw new ApiError(
          409,
          'CONTACT_RUNS_IN_PROGRESS',
          runsOpenText[readerLanguage(c.req.header('accept-language'))](open.length),
          { runIds: open },
        );
      const erased = await eraseContact({ db, store: store() }, principal.workspaceId, id, { keepRow: true });
      if (!erased) throw notFound('Contact', id);
      const records = await contactRecords(db, principal.workspaceId, id);
      const erasedAt = records!.contact.erasedAt!.toISOString();
      await audit(c, clientAddress(c, trustProxy), principal, {
        action: 'contact.erased',
        contactId: id,
        detail: { ...erased, erasedAt },
      });
      return c.json({ ...erased, erasedAt }, 200);
    });
}

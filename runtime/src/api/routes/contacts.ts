import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { and, eq, inArray, or } from 'drizzle-orm';
import { contactChannels, contactFields, contacts, isUniqueViolation, newId, type Db } from '@omniflow/db';
import { normalizeAddress } from '../../contacts/contact-address.ts';
import { checkAttributes, type AttributeIssue } from '../../contacts/contact-attributes.ts';
import { contactTimeline, decodeTimelineCursor } from '../../contacts/contact-timeline.ts';
import { loadContact, type ContactView } from '../../contacts/contact-view.ts';
import { searchContacts } from '../../contacts/contact-search.ts';
import { eraseContact } from '../../contacts/erase-contact.ts';
import { mergeContacts } from '../../contacts/merge-contacts.ts';
import { recordingStoreFromEnv } from '../../recordings/recording-store-from-env.ts';
import { ApiError, notFound } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';
import {
  addressInputSchema,
  addressPatchSchema,
  addressSchema,
  contactCreateSchema,
  contactListQuerySchema,
  contactPatchSchema,
  contactSchema,
  givenConsentSources,
  timelineItemSchema,
  timelineQuerySchema,
} from './contact-schemas.ts';

const forbidden = { 403: json(errorSchema, 'The role may not do this') };
const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
const addressParams = z.object({
  id: idParam.shape.id,
  addressId: z
    .uuid({ message: 'Expected an address id like 0190b3c4-…: check the URL' })
    .openapi({ param: { name: 'addressId', in: 'path' } }),
});

const routes = {
  list: createRoute({
    method: 'get',
    path: '/contacts',
    tags: ['contacts'],
    summary: 'Contacts, newest first: search by name or address; filter by tag, channel, consent, opt-out',
    request: { query: contactListQuerySchema },
    responses: {
      200: json(z.object({ items: z.array(contactSchema), nextCursor: z.string().nullable() }), 'A page'),
      ...errorResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/contacts',
    tags: ['contacts'],
    summary: 'Add a person with their addresses (`contacts:edit`)',
    request: body(contactCreateSchema),
    responses: {
      201: json(contactSchema, 'The new contact'),
      ...errorResponses,
      ...forbidden,
      ...conflictResponse,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/contacts/{id}',
    tags: ['contacts'],
    summary: 'One person: names, language, time zone, tags, fields, addresses with consent',
    request: { params: idParam },
    responses: { 200: json(contactSchema, 'The contact'), ...errorResponses, ...notFoundResponse },
  }),
  update: createRoute({
    method: 'patch',
    path: '/contacts/{id}',
    tags: ['contacts'],
    summary: 'Change names, language, time zone, tags or fields (`contacts:edit`); null clears a field',
    request: { params: idParam, ...body(contactPatchSchema) },
    responses: {
      200: json(contactSchema, 'The contact now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/contacts/{id}',
    tags: ['contacts'],
    summary:
      'Data-protection erasure (`contacts:erase`): the person, their addresses, message bodies and call recordings go; counts stay',
    request: { params: idParam },
    responses: {
      200: json(z.object({ messages: z.number(), recordings: z.number() }), 'What was erased'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  addAddress: createRoute({
    method: 'post',
    path: '/contacts/{id}/addresses',
    tags: ['contacts'],
    summary: 'Add a phone, email, WhatsApp id or web chat session, with consent if given (`contacts:edit`)',
    request: { params: idParam, ...body(addressInputSchema) },
    responses: {
      201: json(contactSchema, 'The contact now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  patchAddress: createRoute({
    method: 'patch',
    path: '/contacts/{id}/addresses/{addressId}',
    tags: ['contacts'],
    summary: 'Record or withdraw consent, opt out or back in, on one address (`contacts:edit`)',
    request: { params: addressParams, ...body(addressPatchSchema) },
    responses: {
      200: json(addressSchema, 'The address now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  removeAddress: createRoute({
    method: 'delete',
    path: '/contacts/{id}/addresses/{addressId}',
    tags: ['contacts'],
    summary: 'Remove an address from a person (`contacts:edit`); its messages stay',
    request: { params: addressParams },
    responses: { 204: { description: 'Removed' }, ...errorResponses, ...forbidden, ...notFoundResponse },
  }),
  merge: createRoute({
    method: 'post',
    path: '/contacts/{id}/merge',
    tags: ['contacts'],
    summary:
      'Fold a duplicate into this person (`contacts:erase`): addresses, history, campaigns and lists follow',
    request: {
      params: idParam,
      ...body(
        z
          .object({ from: z.uuid({ message: 'from is the id of the duplicate contact' }) })
          .openapi('ContactMerge'),
      ),
    },
    responses: {
      200: json(contactSchema, 'The kept contact'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  timeline: createRoute({
    method: 'get',
    path: '/contacts/{id}/timeline',
    tags: ['contacts'],
    summary: 'Every call, message, email event, run and campaign of the person, newest first',
    request: { params: idParam, query: timelineQuerySchema },
    responses: {
      200: json(
        z.object({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable() }),
        'A page',
      ),
      ...errorResponses,
      ...notFoundResponse,
    },
  }),
};

const invalid = (issues: AttributeIssue[]) =>
  new ApiError(400, 'VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });

async function checkedAttributes(db: Db, workspaceId: string, attributes: Record<string, unknown>) {
  const fields = await db
    .select({
      key: contactFields.key,
      label: contactFields.label,
      type: contactFields.type,
      choices: contactFields.choices,
    })
    .from(contactFields)
    .where(eq(contactFields.workspaceId, workspaceId));
  const { values, issues } = checkAttributes(fields, attributes);
  if (issues.length > 0) throw invalid(issues);
  return values;
}

function normalized(addresses: z.infer<typeof addressInputSchema>[], prefix: string) {
  const issues: AttributeIssue[] = [];
  const rows = addresses.map((input, i) => {
    const result = normalizeAddress(input.channel, input.address);
    if ('error' in result) issues.push({ path: `${prefix}${i}.address`, message: result.error });
    return { ...input, address: 'address' in result ? result.address : '' };
  });
  if (issues.length > 0) throw invalid(issues);
  return rows;
}

/** 409 naming who already has one of these addresses: the page offers to merge with them. */
async function refuseTaken(db: Db, workspaceId: string, addresses: { channel: string; address: string }[]) {
  if (addresses.length === 0) return;
  const taken = await db
    .select({
      contactId: contactChannels.contactId,
      channel: contactChannels.channel,
      address: contactChannels.address,
    })
    .from(contactChannels)
    .where(
      and(
        eq(contactChannels.workspaceId, workspaceId),
        or(
          ...addresses.map((a) =>
            and(eq(contactChannels.channel, a.channel as 'sms'), eq(contactChannels.address, a.address)),
          ),
        ),
      ),
    );
  if (taken.length > 0)
    throw new ApiError(
      409,
      'ADDRESS_TAKEN',
      `${taken.map((t) => t.address).join(', ')} already belongs to another contact: merge the two instead`,
      { contacts: taken },
    );
}

/** No consent given means none recorded: sends that need it skip the address. */
const consentOf = (consent: { source: (typeof givenConsentSources)[number]; at?: string } | undefined) =>
  consent ? { consentAt: consent.at ? new Date(consent.at) : new Date(), consentSource: consent.source } : {};

// Operators read contacts (a help desk looks people up); changing them is a designer's.
export function contactRoutes({ db, recordingStore }: AppDeps) {
  const store = () => recordingStore ?? recordingStoreFromEnv(process.env);
  const found = async (workspaceId: string, id: string): Promise<ContactView> => {
    const contact = await loadContact(db, workspaceId, id);
    if (!contact) throw notFound('Contact', id);
    return contact;
  };

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(await searchContacts(db, c.get('principal').workspaceId, c.req.valid('query')), 200),
    )
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const input = c.req.valid('json');
      const workspaceId = principal.workspaceId;
      const attributes = await checkedAttributes(db, workspaceId, input.attributes ?? {});
      const addresses = normalized(input.addresses ?? [], 'addresses.');
      const unique = new Set(addresses.map((a) => `${a.channel}:${a.address}`));
      if (unique.size !== addresses.length)
        throw invalid([{ path: 'addresses', message: 'The same address is listed twice' }]);
      await refuseTaken(db, workspaceId, addresses);
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await tx.insert(contacts).values({
            id,
            workspaceId,
            displayName: input.displayName ?? '',
            firstName: input.firstName ?? '',
            lastName: input.lastName ?? '',
            language: input.language ?? null,
            timezone: input.timezone ?? null,
            tags: input.tags ?? [],
            attributes: Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null)),
          });
          if (addresses.length > 0)
            await tx.insert(contactChannels).values(
              addresses.map((a) => ({
                id: newId(),
                workspaceId,
                contactId: id,
                channel: a.channel,
                address: a.address,
                ...consentOf(a.consent),
              })),
            );
        });
      } catch (error) {
        // Someone added the address between the check and the insert.
        if (isUniqueViolation(error)) await refuseTaken(db, workspaceId, addresses);
        throw error;
      }
      return c.json(await found(workspaceId, id), 201);
    })
    .openapi(routes.get, async (c) =>
      c.json(await found(c.get('principal').workspaceId, c.req.valid('param').id), 200),
    )
    .openapi(routes.update, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const current = await found(principal.workspaceId, id);
      const changes: Partial<typeof contacts.$inferInsert> = { updatedAt: new Date() };
      if (input.displayName !== undefined) changes.displayName = input.displayName;
      if (input.firstName !== undefined) changes.firstName = input.firstName;
      if (input.lastName !== undefined) changes.lastName = input.lastName;
      if (input.language !== undefined) changes.language = input.language;
      if (input.timezone !== undefined) changes.timezone = input.timezone;
      if (input.tags !== undefined) changes.tags = input.tags;
      if (input.attributes !== undefined) {
        const checked = await checkedAttributes(db, principal.workspaceId, input.attributes);
        // Keys not named keep their values (flows' answers among them); null removes one.
        const merged = { ...current.attributes, ...checked };
        changes.attributes = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
      }
      await db.update(contacts).set(changes).where(eq(contacts.id, id));
      return c.json(await found(principal.workspaceId, id), 200);
    })
    .openapi(routes.delete, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const erased = await eraseContact({ db, store: store() }, principal.workspaceId, id);
      if (!erased) throw notFound('Contact', id);
      return c.json(erased, 200);
    })
    .openapi(routes.addAddress, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      await found(principal.workspaceId, id);
      const [address] = normalized([c.req.valid('json')], '');
      const row = {
        id: newId(),
        workspaceId: principal.workspaceId,
        contactId: id,
        channel: address!.channel,
        address: address!.address,
        ...consentOf(address!.consent),
      };
      await refuseTaken(db, principal.workspaceId, [row]);
      try {
        await db.insert(contactChannels).values(row);
      } catch (error) {
        if (isUniqueViolation(error)) await refuseTaken(db, principal.workspaceId, [row]);
        throw error;
      }
      return c.json(await found(principal.workspaceId, id), 201);
    })
    .openapi(routes.patchAddress, async (c) => {
      const principal = c.get('principal');
      const { id, addressId } = c.req.valid('param');
      const input = c.req.valid('json');
      const changes: Partial<typeof contactChannels.$inferInsert> = {};
      if (input.consent === null) Object.assign(changes, { consentAt: null, consentSource: null });
      else if (input.consent) Object.assign(changes, consentOf(input.consent));
      if (input.optedOut === true)
        Object.assign(changes, { optedOutAt: new Date(), optOutSource: 'manual', optOutKeyword: null });
      if (input.optedOut === false)
        Object.assign(changes, { optedOutAt: null, optOutSource: null, optOutKeyword: null });
      const where = and(
        eq(contactChannels.workspaceId, principal.workspaceId),
        eq(contactChannels.contactId, id),
        eq(contactChannels.id, addressId),
      );
      const [row] =
        Object.keys(changes).length > 0
          ? await db.update(contactChannels).set(changes).where(where).returning()
          : await db.select().from(contactChannels).where(where);
      if (!row) throw notFound('Address', addressId);
      const contact = await found(principal.workspaceId, id);
      return c.json(
        contact.addresses.find((a) => a.id === addressId)!,
        200,
      );
    })
    .openapi(routes.removeAddress, async (c) => {
      const principal = c.get('principal');
      const { id, addressId } = c.req.valid('param');
      const removed = await db
        .delete(contactChannels)
        .where(
          and(
            eq(contactChannels.workspaceId, principal.workspaceId),
            eq(contactChannels.contactId, id),
            eq(contactChannels.id, addressId),
          ),
        )
        .returning({ id: contactChannels.id });
      if (removed.length === 0) throw notFound('Address', addressId);
      return c.body(null, 204);
    })
    .openapi(routes.merge, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const { from } = c.req.valid('json');
      if (from === id)
        throw new ApiError(409, 'MERGE_SAME', 'A contact cannot be merged into itself: pick the duplicate');
      if (!(await mergeContacts(db, principal.workspaceId, id, from))) {
        const existing = await db
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(eq(contacts.workspaceId, principal.workspaceId), inArray(contacts.id, [id, from])));
        const missing = [id, from].find((x) => !existing.some((e) => e.id === x))!;
        throw notFound('Contact', missing);
      }
      return c.json(await found(principal.workspaceId, id), 200);
    })
    .openapi(routes.timeline, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const contact = await found(principal.workspaceId, id);
      const cursor = query.cursor ? decodeTimelineCursor(query.cursor) : undefined;
      if (query.cursor && !cursor)
        throw new ApiError(400, 'VALIDATION_FAILED', 'cursor: Pass the nextCursor of the previous page', {
          issues: [{ path: 'cursor', message: 'Pass the nextCursor of the previous page' }],
        });
      const page = await contactTimeline(db, principal.workspaceId, id, contact.addresses, {
        ...(cursor ? { cursor } : {}),
        limit: query.limit,
      });
      return c.json(page, 200);
    });
}

import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { userRoles } from '@omniflow/db';
import { hashToken } from '../../auth/tokens.ts';
import {
  addMember,
  changeMemberRole,
  createWorkspace,
  membersOf,
  membershipOf,
  personByEmail,
  removeMember,
  renameWorkspace,
  switchSession,
  workspacesOf,
} from '../../workspaces/memberships.ts';
import { workspaceMessage, type WorkspaceTextKey } from '../workspace-text.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv, Principal } from '../app-deps.ts';
import { sessionCookie } from '../authenticate.ts';
import { readerLanguage } from '../reader-language.ts';
import {
  conflictResponse,
  errorResponses,
  errorSchema,
  idParam,
  json,
  notFoundResponse,
} from '../schemas.ts';

const workspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(userRoles).describe('The caller’s role in this workspace'),
    current: z.boolean().describe('Whether the caller acts in this workspace now'),
  })
  .openapi('Workspace');

const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    since: z.string(),
  })
  .openapi('WorkspaceMember');

const nameBody = z.object({
  name: z
    .string({ message: 'name must be text' })
    .trim()
    .min(1, 'Give the workspace a name')
    .max(200, 'A workspace name has at most 200 characters'),
});
const roleBody = z.object({
  role: z.enum(userRoles, { message: `role must be one of ${userRoles.join(', ')}` }),
});
const addBody = roleBody.extend({
  email: z.string({ message: 'email must be text' }).trim().min(1, 'Enter the person’s email').max(320),
});
const userParam = z.object({
  userId: z
    .uuid({ message: 'Expected a person’s id like 0190b3c4-…: check the URL' })
    .openapi({ param: { name: 'userId', in: 'path' } }),
});
const forbidden = { 403: json(errorSchema, 'The caller may not do this') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/workspaces',
    tags: ['workspaces'],
    summary: 'The workspaces the caller belongs to, with their role in each (a key: its own only)',
    responses: {
      200: json(z.object({ workspaces: z.array(workspaceSchema) }), 'The workspaces'),
      ...errorResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/workspaces',
    tags: ['workspaces'],
    summary: 'Create a workspace (an admin of the current one may); its maker is its admin',
    request: { body: { required: true, content: { 'application/json': { schema: nameBody } } } },
    responses: { 201: json(workspaceSchema, 'Created'), ...errorResponses, ...forbidden },
  }),
  rename: createRoute({
    method: 'patch',
    path: '/workspaces/{id}',
    tags: ['workspaces'],
    summary: 'Rename a workspace the caller is an admin of',
    request: {
      params: idParam,
      body: { required: true, content: { 'application/json': { schema: nameBody } } },
    },
    responses: {
      200: json(workspaceSchema, 'Renamed'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  switch: createRoute({
    method: 'post',
    path: '/workspaces/{id}/switch',
    tags: ['workspaces'],
    summary: 'Make this session act in another workspace the person belongs to',
    request: { params: idParam },
    responses: {
      200: json(workspaceSchema, 'The session acts there now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
  members: createRoute({
    method: 'get',
    path: '/workspace/members',
    tags: ['workspaces'],
    summary: 'The members of the current workspace and their roles',
    responses: {
      200: json(z.object({ members: z.array(memberSchema) }), 'The members'),
      ...errorResponses,
      ...forbidden,
    },
  }),
  addMember: createRoute({
    method: 'post',
    path: '/workspace/members',
    tags: ['workspaces'],
    summary: 'Add a person who has an account on this install to the current workspace, with a role',
    request: { body: { required: true, content: { 'application/json': { schema: addBody } } } },
    responses: {
      201: json(memberSchema, 'Added'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  changeRole: createRoute({
    method: 'put',
    path: '/workspace/members/{userId}',
    tags: ['workspaces'],
    summary: 'Change a member’s role in the current workspace',
    request: {
      params: userParam,
      body: { required: true, content: { 'application/json': { schema: roleBody } } },
    },
    responses: {
      200: json(memberSchema, 'The member now'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
  removeMember: createRoute({
    method: 'delete',
    path: '/workspace/members/{userId}',
    tags: ['workspaces'],
    summary: 'Remove a member from the current workspace (their sessions there end)',
    request: { params: userParam },
    responses: {
      204: { description: 'Removed' },
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
      ...conflictResponse,
    },
  }),
};

/**
 * Workspaces of one install and who belongs to each. A person acts in one at a time (their
 * session's); anything of another workspace, even one they belong to, is reached by switching.
 */
export function workspaceRoutes(deps: AppDeps) {
  const { db } = deps;
  const refuse = (
    c: { req: { header: (n: string) => string | undefined } },
    status: 403 | 404 | 409,
    code: string,
    key: WorkspaceTextKey,
    params: Record<string, string> = {},
  ) =>
    new ApiError(
      status,
      code,
      workspaceMessage(key, readerLanguage(c.req.header('accept-language')), params),
    );
  const mustAdmin = (
    c: Parameters<typeof refuse>[0],
    principal: Principal,
    what: { en: string; es: string },
  ) => {
    if (principal.role !== 'admin') {
      const language = readerLanguage(c.req.header('accept-language'));
      throw refuse(c, 403, 'FORBIDDEN', 'notAdmin', { what: what[language] });
    }
  };
  const memberOut = (m: Awaited<ReturnType<typeof membersOf>>[number]) => ({
    ...m,
    since: m.since.toISOString(),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const principal = c.get('principal');
      if (principal.via === 'api-key' || !principal.userId) {
        const own = principal.userId
          ? await membershipOf(db, principal.userId, principal.workspaceId)
          : undefined;
        const [ws] = own ? [own] : await workspacesByIdOnly(principal.workspaceId);
        return c.json({ workspaces: ws ? [{ ...ws, role: principal.role, current: true }] : [] }, 200);
      }
      const all = await workspacesOf(db, principal.userId);
      return c.json({ workspaces: all.map((w) => ({ ...w, current: w.id === principal.workspaceId })) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      mustAdmin(c, principal, { en: 'create a workspace', es: 'crear un espacio de trabajo' });
      if (principal.via !== 'session' || !principal.userId)
        throw refuse(c, 403, 'KEY_CANNOT_SWITCH', 'keyCannotSwitch');
      const made = await createWorkspace(db, principal.userId, c.req.valid('json').name);
      return c.json({ ...made, current: false }, 201);
    })
    .openapi(routes.rename, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const member = principal.userId ? await membershipOf(db, principal.userId, id) : undefined;
      // A key reaches only its own workspace; a person only those they belong to.
      const reachable = member && (principal.via === 'session' || id === principal.workspaceId);
      if (!reachable) throw refuse(c, 404, 'NOT_FOUND', 'notFound');
      const role = id === principal.workspaceId ? principal.role : member.role;
      mustAdmin(c, { ...principal, role }, { en: 'rename it', es: 'cambiarle el nombre' });
      const { name } = c.req.valid('json');
      await renameWorkspace(db, id, name);
      return c.json({ id, name, role, current: id === principal.workspaceId }, 200);
    })
    .openapi(routes.switch, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      if (principal.via !== 'session' || !principal.userId)
        throw refuse(c, 403, 'KEY_CANNOT_SWITCH', 'keyCannotSwitch');
      const member = await membershipOf(db, principal.userId, id);
      if (!member) throw refuse(c, 404, 'NOT_FOUND', 'notFound');
      await switchSession(db, hashToken(getCookie(c, sessionCookie) ?? ''), id);
      return c.json({ ...member, current: true }, 200);
    })
    .openapi(routes.members, async (c) => {
      const principal = c.get('principal');
      mustAdmin(c, principal, { en: 'see its members', es: 'ver sus miembros' });
      return c.json({ members: (await membersOf(db, principal.workspaceId)).map(memberOut) }, 200);
    })
    .openapi(routes.addMember, async (c) => {
      const principal = c.get('principal');
      mustAdmin(c, principal, { en: 'add members', es: 'añadir miembros' });
      const { email, role } = c.req.valid('json');
      const person = await personByEmail(db, email);
      if (!person) throw refuse(c, 404, 'NOT_FOUND', 'noSuchPerson');
      if (!(await addMember(db, principal.workspaceId, person.id, role)))
        throw refuse(c, 409, 'ALREADY_MEMBER', 'alreadyMember');
      const added = (await membersOf(db, principal.workspaceId)).find((m) => m.userId === person.id)!;
      return c.json(memberOut(added), 201);
    })
    .openapi(routes.changeRole, async (c) => {
      const principal = c.get('principal');
      mustAdmin(c, principal, { en: 'change roles', es: 'cambiar roles' });
      const { userId } = c.req.valid('param');
      const outcome = await changeMemberRole(db, principal.workspaceId, userId, c.req.valid('json').role);
      if (outcome === 'not-member') throw refuse(c, 404, 'NOT_FOUND', 'memberNotFound');
      if (outcome === 'last-admin') throw refuse(c, 409, 'LAST_ADMIN', 'lastAdmin');
      const member = (await membersOf(db, principal.workspaceId)).find((m) => m.userId === userId)!;
      return c.json(memberOut(member), 200);
    })
    .openapi(routes.removeMember, async (c) => {
      const principal = c.get('principal');
      mustAdmin(c, principal, { en: 'remove members', es: 'quitar miembros' });
      const { userId } = c.req.valid('param');
      const outcome = await removeMember(db, principal.workspaceId, userId);
      if (outcome === 'not-member') throw refuse(c, 404, 'NOT_FOUND', 'memberNotFound');
      if (outcome === 'last-admin') throw refuse(c, 409, 'LAST_ADMIN', 'lastAdmin');
      return c.body(null, 204);
    });

  async function workspacesByIdOnly(id: string) {
    const row = await db.query.workspaces.findFirst({ where: (w, { eq }) => eq(w.id, id) });
    return row ? [{ id: row.id, name: row.name }] : [];
  }
}

import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { flows, newId } from '@omniflow/db';
import {
  findGalleryTemplate,
  galleryLanguages,
  galleryTemplates,
  type GalleryTemplate,
} from '../../flow-templates/gallery.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, errorSchema, json, notFoundResponse } from '../schemas.ts';
import { detail, flowDetail } from './flows.ts';

const language = z.enum(galleryLanguages, { message: 'Choose the language: es or en' });

const templateSummary = z
  .object({
    id: z.string(),
    channel: z.enum(['voice', 'whatsapp', 'chat', 'email', 'sms']),
    title: z.string(),
    summary: z.string(),
    /** A picture of the flow (an SVG data URL), for an <img>. */
    preview: z.string(),
    nodeCount: z.number().int(),
  })
  .openapi('FlowTemplate');

const templateParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const forbidden = { 403: json(errorSchema, 'Only designers and admins create flows') };

const routes = {
  list: createRoute({
    method: 'get',
    path: '/flow-templates',
    tags: ['flows'],
    summary: 'The templates gallery: ready-made flows to start from, in Spanish or English',
    request: { query: z.object({ language: language.default('es') }) },
    responses: {
      200: json(z.object({ items: z.array(templateSummary) }), 'The templates'),
      ...errorResponses,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/flow-templates/{id}/flows',
    tags: ['flows'],
    summary: 'Create a new flow (a draft of your own) from a template, with its texts in a language',
    request: {
      params: templateParam,
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ language }).openapi('FlowFromTemplate') } },
      },
    },
    responses: {
      201: json(flowDetail, 'The new flow'),
      ...errorResponses,
      ...forbidden,
      ...notFoundResponse,
    },
  }),
};

const previewUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

function summaryOf(template: GalleryTemplate, lang: (typeof galleryLanguages)[number]) {
  return {
    id: template.id,
    channel: template.channel,
    title: template.title[lang],
    summary: template.summary[lang],
    preview: template.previewSvg ? previewUrl(template.previewSvg) : '',
    nodeCount: template.flows[lang].nodes.length,
  };
}

export function flowTemplateRoutes({ db }: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, (c) => {
      const { language: lang } = c.req.valid('query');
      return c.json({ items: galleryTemplates().map((t) => summaryOf(t, lang)) }, 200);
    })
    .openapi(routes.create, async (c) => {
      const principal = c.get('principal');
      const { id } = c.req.valid('param');
      const template = findGalleryTemplate(id);
      if (!template)
        throw new ApiError(404, 'NOT_FOUND', {
          en: `There is no template “${id}”; GET /flow-templates lists them`,
          es: `No hay ninguna plantilla «${id}»; GET /flow-templates las enumera`,
        });
      // A copy: the designer edits their own draft, never the example it came from.
      const draft = structuredClone(template.flows[c.req.valid('json').language]);
      const [row] = await db
        .insert(flows)
        .values({
          id: newId(),
          workspaceId: principal.workspaceId,
          name: draft.name,
          description: draft.description,
          draft,
          createdBy: principal.userId,
        })
        .returning();
      return c.json(detail(row!), 201);
    });
}

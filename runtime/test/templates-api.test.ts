import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { contactChannels, contacts, newId } from '@omniflow/db';
import { NodeError, defineNode } from '@omniflow/nodes/sdk';
import { createApiKey } from '../src/api/api-keys.ts';
import { starterTemplates } from '../src/templates/starter-templates.ts';
import { publishFlow, runReaches, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// A node that picks a text template from the library by name, as email.send and the message
// nodes do: the usage scan finds it by its field's `library-template` widget.
const templatedNote = defineNode({
  type: 'test.templated-note',
  version: 1,
  title: { en: 'Templated note', es: 'Nota con plantilla' },
  description: { en: 'Renders a library text template', es: 'Muestra una plantilla de texto' },
  category: 'messaging',
  icon: 'file-text',
  ports: ['done'],
  config: z.object({
    template: z
      .string()
      .min(1)
      .meta({ ui: { widget: 'library-template', kind: 'text', label: { en: 'Template', es: 'Plantilla' } } }),
    language: z.enum(['es', 'en']).default('es'),
  }),
  compile: (_node, ctx) => ctx.runActivity({ ports: ['done'] }),
  activity: {
    options: { startToCloseTimeout: '30s', retry: { maximumAttempts: 1 } },
    output: z.object({ text: z.string() }),
    async run(config, scope, deps) {
      if (!deps.templates)
        throw new NodeError('TEMPLATES_MISSING', 'No template library on this worker', false);
      const text = await deps.templates.text(config.template, config.language, scope);
      return { port: 'done', output: { text } };
    },
  },
});

const noteFlow = (name: string, template: string) => ({
  name,
  nodes: [
    { id: 'start', type: 'flow.start', config: {} },
    { id: 'note', type: 'test.templated-note', config: { template } },
    { id: 'end', type: 'flow.end', config: { output: { text: '{{ nodes.note.output.text }}' } } },
  ],
  edges: [
    { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'note' } },
    { id: 'e2', from: { node: 'note', port: 'done' }, to: { node: 'end' } },
  ],
});

const emailBody = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hola {{ contact.first_name }}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

// PostgreSQL too: the name's unique violation and the contact search's ilike are the database's.
const databases = [
  { db: 'pglite' as const },
  ...(inject('postgresUrl') ? [{ db: 'postgres' as const }] : []),
];

describe.each(databases)('template library API on $db', ({ db }) => {
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db, nodes: [templatedNote] });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  });
  afterAll(async () => omni?.close());

  it('gives a new workspace the starter layouts and greetings, all valid', async () => {
    const list = await omni.call('GET', '/api/v1/templates');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(
      starterTemplates.map((t) => t.name).sort(),
    );
    const emails = await omni.call('GET', '/api/v1/templates?kind=email');
    expect(emails.body.items.length).toBeGreaterThanOrEqual(2);
    for (const template of emails.body.items) {
      for (const language of ['es', 'en'] as const) {
        const preview = await omni.call('POST', '/api/v1/templates/preview', {
          kind: 'email',
          language,
          name: template.name,
          variant: template.variants[language],
        });
        expect(preview.status).toBe(200);
        expect(preview.body.problems).toEqual([]);
        expect(preview.body.html).toContain('<!doctype html>');
        // Responsive: MJML's columns stack under its breakpoint.
        expect(preview.body.html).toContain('@media only screen and (min-width:480px)');
      }
    }
  });

  it('saves an email template and renders it for the sample contact, with a text part', async () => {
    const saved = await omni.call('POST', '/api/v1/templates', {
      name: 'order-ready',
      kind: 'email',
      variants: {
        es: { subject: 'Tu pedido, {{ contact.first_name }}', body: emailBody },
        en: { subject: 'Your order, {{ contact.first_name }}', body: emailBody.replace('Hola', 'Hi') },
      },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'order-ready', kind: 'email', description: '' });
    const got = await omni.call('GET', `/api/v1/templates/${saved.body.id}`);
    expect(got.body.variants.es.body).toBe(emailBody);

    const preview = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'email',
      language: 'en',
      variant: saved.body.variants.en,
    });
    expect(preview.body.subject).toBe('Your order, Alex');
    expect(preview.body.html).toContain('Hi Alex');
    expect(preview.body.text).toBe('Hi Alex');
  });

  it('refuses broken MJML with 422 naming the language, the line and the element', async () => {
    const broken = emailBody.replace('<mj-text>', '<mj-text colour="red">');
    const response = await omni.call('POST', '/api/v1/templates', {
      name: 'broken-mjml',
      kind: 'email',
      variants: { es: { subject: 'Hola', body: broken } },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('TEMPLATE_INVALID');
    expect(response.body.error.message).toContain('line 5');
    expect(response.body.error.details.problems).toEqual([
      expect.objectContaining({ language: 'es', field: 'body', code: 'MJML_INVALID', line: 5 }),
    ]);
    expect(response.body.error.details.problems[0].message).toContain('colour');
    const unknownTag = await omni.call('POST', '/api/v1/templates', {
      name: 'broken-mjml',
      kind: 'email',
      variants: {
        en: { subject: 'Hi', body: emailBody.replace('</mj-column>', '<mj-txt>x</mj-txt>\n</mj-column>') },
      },
    });
    expect(unknownTag.status).toBe(422);
    expect(unknownTag.body.error.details.problems[0]).toMatchObject({ language: 'en', line: 6 });
    const list = await omni.call('GET', '/api/v1/templates');
    expect(list.body.items.some((t: { name: string }) => t.name === 'broken-mjml')).toBe(false);
  });

  it('refuses broken Liquid with 422 and the line, in the body and in the subject', async () => {
    const body = await omni.call('POST', '/api/v1/templates', {
      name: 'broken-liquid',
      kind: 'text',
      variants: { es: { body: 'Hola\n{% if contact.first_name %}\n{{ contact.first_name }}' } },
    });
    expect(body.status).toBe(422);
    expect(body.body.error.details.problems).toEqual([
      expect.objectContaining({ language: 'es', field: 'body', code: 'LIQUID_INVALID', line: 2 }),
    ]);
    expect(body.body.error.details.problems[0].message).toContain('not closed');

    const subject = await omni.call('POST', '/api/v1/templates', {
      name: 'broken-liquid',
      kind: 'email',
      variants: { en: { subject: 'Hi {{ contact.first_name | shout }}', body: emailBody } },
    });
    expect(subject.status).toBe(422);
    expect(subject.body.error.details.problems[0]).toMatchObject({
      field: 'subject',
      code: 'LIQUID_INVALID',
      line: 1,
    });
  });

  it('refuses an include of a template the library does not have, and allows one it has', async () => {
    const missing = await omni.call('POST', '/api/v1/templates', {
      name: 'with-include',
      kind: 'text',
      variants: { es: { body: "Primera línea\n{% include 'nowhere' %}" } },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.problems[0]).toMatchObject({ code: 'INCLUDE_UNKNOWN', line: 2 });
    const present = await omni.call('POST', '/api/v1/templates', {
      name: 'with-include',
      kind: 'text',
      variants: { es: { body: "{% include 'greeting' %} ¿En qué te ayudamos?" } },
    });
    expect(present.status).toBe(201);
    const preview = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'text',
      language: 'es',
      variant: present.body.variants.es,
    });
    expect(preview.body.text).toBe('Hola Ana, gracias por escribirnos. ¿En qué te ayudamos?');
  });

  it('refuses a second template with the same name, bad names and empty variants', async () => {
    const again = await omni.call('POST', '/api/v1/templates', {
      name: 'greeting',
      kind: 'text',
      variants: { es: { body: 'Hola' } },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('TEMPLATE_NAME_TAKEN');
    const slash = await omni.call('POST', '/api/v1/templates', {
      name: '../etc/passwd',
      kind: 'text',
      variants: { es: { body: 'x' } },
    });
    expect(slash.status).toBe(400);
    const empty = await omni.call('POST', '/api/v1/templates', { name: 'empty', kind: 'text', variants: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Spanish, English or both');
    const missing = await omni.call('GET', `/api/v1/templates/${newId()}`);
    expect(missing.status).toBe(404);
  });

  it('counts SMS segments of a text template: GSM-7, and UCS-2 once an emoji is in', async () => {
    const gsm = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'text',
      language: 'es',
      variant: { body: 'x'.repeat(161) },
    });
    expect(gsm.body.sms).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    const ucs2 = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'text',
      language: 'es',
      variant: { body: 'Hola {{ contact.first_name }} 👋' },
    });
    expect(ucs2.body.text).toBe('Hola Ana 👋');
    expect(ucs2.body.sms).toMatchObject({ encoding: 'ucs2', segments: 1 });
  });

  it('previews with example run variables', async () => {
    const preview = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'text',
      language: 'en',
      vars: { order: 'A-17' },
      variant: { body: 'Order {{ vars.order }} for {{ contact.first_name }}' },
    });
    expect(preview.body.text).toBe('Order A-17 for Alex');
  });

  it('previews for a chosen contact, by their fields and addresses', async () => {
    const contactId = newId();
    await omni.handle.db.insert(contacts).values({
      id: contactId,
      workspaceId,
      displayName: 'Lucía Pérez',
      attributes: { first_name: 'Lucía', city: 'Sevilla' },
    });
    await omni.handle.db
      .insert(contactChannels)
      .values({ id: newId(), workspaceId, contactId, channel: 'email', address: 'lucia@example.org' });
    const found = await omni.call('GET', '/api/v1/templates/preview-contacts?q=luc');
    expect(found.body.items).toEqual([{ id: contactId, name: 'Lucía Pérez', address: 'lucia@example.org' }]);
    const preview = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'text',
      language: 'es',
      contactId,
      variant: { body: '{{ contact.first_name }} de {{ contact.city }} <{{ contact.email }}>' },
    });
    expect(preview.body.text).toBe('Lucía de Sevilla <lucia@example.org>');
    const nobody = await omni.call('POST', '/api/v1/templates/preview', {
      kind: 'text',
      language: 'es',
      contactId: newId(),
      variant: { body: 'x' },
    });
    expect(nobody.status).toBe(404);
  });

  it('renders a library template in a run for the run’s contact', async () => {
    const contactId = newId();
    await omni.handle.db
      .insert(contacts)
      .values({ id: contactId, workspaceId, attributes: { first_name: 'Marta' } });
    await omni.handle.db
      .insert(contactChannels)
      .values({ id: newId(), workspaceId, contactId, channel: 'sms', address: '+34600999888' });
    const flowId = await publishFlow(omni, noteFlow('Greets by template', 'greeting'));
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: { phone: '+34600999888' } });
    const run = await runReaches(omni, started.body.id, ['completed', 'failed']);
    expect(run.output).toEqual({ text: 'Hola Marta, gracias por escribirnos.' });
  });

  it('fails the node, not retrying, when the flow names a template the library lacks', async () => {
    const flowId = await publishFlow(omni, noteFlow('Names a missing template', 'no-such-template'));
    const started = await omni.call('POST', '/api/v1/runs', { flowId, input: {} });
    const run = await runReaches(omni, started.body.id, ['completed', 'failed']);
    expect(run.status).toBe('failed');
    expect(JSON.stringify(run.error)).toContain('TEMPLATE_NOT_FOUND');
  });

  it('answers 409 with the published flows before changing or deleting a template they use', async () => {
    const created = await omni.call('POST', '/api/v1/templates', {
      name: 'reminder',
      kind: 'text',
      variants: { es: { body: 'Recuerda tu cita' } },
    });
    const flowId = await publishFlow(omni, noteFlow('Sends reminders', 'reminder'));
    const usage = await omni.call('GET', `/api/v1/templates/${created.body.id}/usage`);
    expect(usage.body.flows).toEqual([
      { flowId, flowName: 'Sends reminders', version: 1, nodeIds: ['note'] },
    ]);

    const change = {
      name: 'reminder',
      kind: 'text',
      variants: { es: { body: 'Recuerda tu cita de mañana' } },
    };
    const refused = await omni.call('PUT', `/api/v1/templates/${created.body.id}`, change);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TEMPLATE_IN_USE');
    expect(refused.body.error.message).toContain('"Sends reminders"');
    expect(refused.body.error.details.flows).toEqual(usage.body.flows);
    const unchanged = await omni.call('GET', `/api/v1/templates/${created.body.id}`);
    expect(unchanged.body.variants.es.body).toBe('Recuerda tu cita');

    const confirmed = await omni.call('PUT', `/api/v1/templates/${created.body.id}?confirm=true`, change);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.variants.es.body).toBe('Recuerda tu cita de mañana');

    const deleteRefused = await omni.call('DELETE', `/api/v1/templates/${created.body.id}`);
    expect(deleteRefused.status).toBe(409);
    const deleted = await omni.call('DELETE', `/api/v1/templates/${created.body.id}?confirm=true`);
    expect(deleted.status).toBe(204);
    expect((await omni.call('GET', `/api/v1/templates/${created.body.id}`)).status).toBe(404);
  });

  it('lets a viewer read templates but not change them', async () => {
    const { key } = await createApiKey(omni.handle.db, workspaceId, 'viewer', null, 'viewer');
    const asViewer = { authorization: `Bearer ${key}` };
    const list = await omni.call('GET', '/api/v1/templates', undefined, asViewer);
    expect(list.status).toBe(200);
    const created = await omni.call(
      'POST',
      '/api/v1/templates',
      { name: 'by-operator', kind: 'text', variants: { es: { body: 'x' } } },
      asViewer,
    );
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('FORBIDDEN');
    const greeting = list.body.items.find((t: { name: string }) => t.name === 'greeting');
    const removed = await omni.call(
      'DELETE',
      `/api/v1/templates/${greeting.id}?confirm=true`,
      undefined,
      asViewer,
    );
    expect(removed.status).toBe(403);
  });

  it('lets a template no published flow uses change without confirming', async () => {
    const created = await omni.call('POST', '/api/v1/templates', {
      name: 'unused',
      kind: 'text',
      variants: { en: { body: 'One' } },
    });
    const changed = await omni.call('PUT', `/api/v1/templates/${created.body.id}`, {
      name: 'unused-renamed',
      kind: 'text',
      variants: { en: { body: 'Two' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.name).toBe('unused-renamed');
    expect((await omni.call('DELETE', `/api/v1/templates/${created.body.id}`)).status).toBe(204);
  });
});

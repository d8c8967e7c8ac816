import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contactChannels, contactFields, contacts, newId, queryRows } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

// PostgreSQL: the 100k-row import is what the benchmark measures, on the database it runs on.
describe.skipIf(!inject('postgresUrl'))('contact import on PostgreSQL', () => {
  let omni: TestOmniflow;
  let workspaceId: string;
  let viewerKey: string;
  let coordinatorKey: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres', worker: false });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    viewerKey = (await createApiKey(omni.handle.db, workspaceId, 'viewer', null, 'viewer')).key;
    coordinatorKey = (await createApiKey(omni.handle.db, workspaceId, 'coordinator', null, 'coordinator'))
      .key;
  }, 60_000);
  afterAll(async () => omni?.close());

  async function upload(
    path: string,
    file: Uint8Array | string,
    fields: Record<string, string> = {},
    options: { key?: string; fileName?: string } = {},
  ) {
    const form = new FormData();
    form.set('file', new Blob([file]), options.fileName ?? 'contacts.csv');
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const response = await omni.app.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key ?? omni.apiKey}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function importFile(
    file: Uint8Array | string,
    fields: Record<string, string> = {},
    fileName?: string,
  ) {
    const started = await upload('/contact-imports', file, fields, fileName ? { fileName } : {});
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return eventually(async () => {
      const current = await omni.call('GET', `/api/v1/contact-imports/${started.body.id}`);
      return current.body.status === 'running' ? undefined : current.body;
    }, 60_000);
  }

  const contactCount = async () =>
    Number((await queryRows<{ n: string }>(omni.handle.db, sql`select count(*) as n from contacts`))[0]!.n);

  it('imports 100,000 rows with 2 % bad ones and reports each bad line exactly', async () => {
    const lines = ['Nombre,Apellido,Teléfono,Email,Zona horaria,Etiquetas,Consentimiento'];
    const expected: { line: number; field: string; code: string }[] = [];
    for (let i = 0; i < 100_000; i++) {
      const line = i + 2;
      const phone = `9${String(10_000_000 + i).padStart(8, '0')}`;
      let row = [`Ana${i}`, `Pérez`, phone, `ana${i}@example.pe`, 'America/Lima', 'vip;lima', 'sí'];
      if (i % 50 === 49) {
        // Every 50th row is bad, four ways in turn.
        const kind = ((i + 1) / 50) % 4;
        if (kind === 0) {
          row[2] = `12ab${i}`;
          expected.push({ line, field: 'Teléfono', code: 'IMPORT_PHONE_INVALID' });
        } else if (kind === 1) {
          row[3] = `ana${i}-at-example.pe`;
          expected.push({ line, field: 'Email', code: 'IMPORT_EMAIL_INVALID' });
        } else if (kind === 2) {
          row = [`Ana${i}`, 'Pérez', '', '', '', '', ''];
          expected.push({ line, field: '', code: 'IMPORT_NO_ADDRESS' });
        } else {
          row[4] = 'Mars/Olympus';
          expected.push({ line, field: 'Zona horaria', code: 'IMPORT_TIMEZONE_INVALID' });
        }
      }
      lines.push(row.join(','));
    }
    const before = await contactCount();
    const done = await importFile(lines.join('\n'), { country: 'PE', language: 'es' });
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 100_000,
      processedRows: 100_000,
      created: 98_000,
      updated: 0,
      rejected: 2_000,
    });
    expect((await contactCount()) - before).toBe(98_000);
    const report = await omni.call('GET', `/api/v1/contact-imports/${done.id}/rejections?limit=1000`);
    expect(report.body.rejections).toHaveLength(1000);
    const csv = await omni.app.request(`/api/v1/contact-imports/${done.id}/rejections?format=csv`, {
      headers: { authorization: `Bearer ${omni.apiKey}`, 'accept-language': 'es' },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toBe('linea,columna,codigo,motivo');
    const parsed = rows.slice(1).map((r) => {
      const [line, field, code] = r.split(',');
      return { line: Number(line), field: field!, code: code! };
    });
    expect(parsed).toEqual(expected);
    expect(rows[4]).toBe(
      '201,Teléfono,IMPORT_PHONE_INVALID,"""12ab199"" no es un teléfono válido (país por defecto PE)"',
    );
    // Phones became E.164 with Peru's code, and consent came from the file.
    const [channel] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.address, '+51910000000'));
    expect(channel).toMatchObject({ channel: 'sms', consentSource: 'imported' });
    expect(channel!.consentAt).toBeInstanceOf(Date);
  }, 120_000);

  it('imports an Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Contactos');
    sheet.addRow(['First name', 'Last name', 'Mobile', 'E-mail', 'Language']);
    sheet.addRow(['Lucía', 'Gómez', '+34 612 345 678', 'Lucia@Example.es', 'es-ES']);
    sheet.addRow(['Tom', 'Hall', '+1 415 555 2671', 'tom@example.com', 'en']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await upload('/contact-imports/preview', bytes, {}, { fileName: 'list.xlsx' });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      kind: 'xlsx',
      header: ['First name', 'Last name', 'Mobile', 'E-mail', 'Language'],
      totalRows: 2,
      proposedMapping: {
        'First name': 'first_name',
        'Last name': 'last_name',
        Mobile: 'phone',
        'E-mail': 'email',
        Language: 'language',
      },
    });
    const done = await importFile(
      bytes,
      { mapping: JSON.stringify(preview.body.proposedMapping) },
      'list.xlsx',
    );
    expect(done).toMatchObject({ status: 'done', created: 2, rejected: 0 });
    const [lucia] = await queryRows<{ first_name: string; language: string; emails: string[] }>(
      omni.handle.db,
      sql`select c.first_name, c.language, array_agg(cc.address order by cc.address) as emails
        from contacts c join contact_channels cc on cc.contact_id = c.id
        where c.first_name = 'Lucía' group by c.id`,
    );
    expect(lucia).toEqual({
      first_name: 'Lucía',
      language: 'es-ES',
      emails: ['+34612345678', 'lucia@example.es'],
    });
  });

  it('refuses a file with a wrong encoding, no header or nothing in it, and imports nothing', async () => {
    const before = await contactCount();
    const utf16 = new Uint8Array(Buffer.from('\ufeffname,phone\nAna,+51987000001\n', 'utf16le'));
    const cases: [Uint8Array | string, string, RegExp][] = [
      [utf16, 'IMPORT_ENCODING_UTF16', /UTF-16.*CSV UTF-8/],
      [
        new Uint8Array(Buffer.from('name,phone\nPe\xf1a,+51987000002\n', 'latin1')),
        'IMPORT_ENCODING_NOT_UTF8',
        /line 2/,
      ],
      ['name,phone\nPeÃ±a,+51987000003\n', 'IMPORT_ENCODING_MOJIBAKE', /Line 2.*PeÃ±a/],
      ['Ana,+51987000004\nLuis,+51987000005\n', 'IMPORT_NO_HEADER', /header row/],
      ['', 'IMPORT_EMPTY_FILE', /empty/],
      ['name,phone\n', 'IMPORT_NO_ROWS', /no contacts/],
      ['name,phone\n"Ana,+51987000006\n', 'IMPORT_QUOTE_UNCLOSED', /line 2/],
    ];
    for (const [file, code, message] of cases) {
      const answer = await upload('/contact-imports', file, { mapping: '{"phone":"phone"}', language: 'en' });
      expect(answer.status, code).toBe(422);
      expect(answer.body.error.code).toBe(code);
      expect(answer.body.error.message).toMatch(message);
      const recorded = await omni.call(
        'GET',
        `/api/v1/contact-imports/${answer.body.error.details.importId}`,
      );
      expect(recorded.body).toMatchObject({ status: 'failed', processedRows: 0, created: 0 });
    }
    const spanish = await upload('/contact-imports/preview', utf16, { language: 'es' });
    expect(spanish.body.error.message).toMatch(/está en UTF-16/);
    expect(await contactCount()).toBe(before);
  });

  it('merges duplicates by phone or email, in the file and with people already known', async () => {
    const known = newId();
    await omni.handle.db
      .insert(contacts)
      .values({ id: known, workspaceId, firstName: 'Rosa', tags: ['old'] });
    await omni.handle.db.insert(contactChannels).values({
      id: newId(),
      workspaceId,
      contactId: known,
      channel: 'email',
      address: 'rosa@example.pe',
      optedOutAt: new Date(),
    });
    const done = await importFile(
      [
        'first_name;last_name;phone;email;tags;consent',
        'Rosa;Díaz;955 111 222;ROSA@example.pe;nueva;yes', // the known Rosa, by email
        'Mario;Ruiz;955 111 333;mario@example.pe;;no',
        ';;+51 955 111 333;mario.ruiz@example.pe;cliente;', // Mario again, by phone, a second email
        'Mario;Ruiz;;mario.ruiz@example.pe;;', // and by that email
      ].join('\r\n'),
      { country: 'pe' },
    );
    expect(done).toMatchObject({ status: 'done', processedRows: 4, created: 1, updated: 3, rejected: 0 });
    const rosa = await omni.handle.db.query.contacts.findFirst({ where: eq(contacts.id, known) });
    expect(rosa).toMatchObject({ firstName: 'Rosa', lastName: 'Díaz', tags: ['nueva', 'old'] });
    const rosaAddresses = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.contactId, known));
    expect(rosaAddresses.map((a) => [a.channel, a.address, a.consentSource]).sort()).toEqual([
      ['email', 'rosa@example.pe', 'imported'],
      ['sms', '+51955111222', 'imported'],
    ]);
    // Consent from a file never lifts an opt-out.
    expect(rosaAddresses.find((a) => a.channel === 'email')!.optedOutAt).toBeInstanceOf(Date);
    const mario = await queryRows<{ id: string; addresses: string[]; tags: string[] }>(
      omni.handle.db,
      sql`select c.id, array_agg(cc.address order by cc.address) as addresses, c.tags from contacts c
        join contact_channels cc on cc.contact_id = c.id where c.last_name = 'Ruiz' group by c.id`,
    );
    expect(mario).toHaveLength(1);
    expect(mario[0]!.addresses).toEqual(['+51955111333', 'mario.ruiz@example.pe', 'mario@example.pe']);
    expect(mario[0]!.tags).toEqual(['cliente']);
  });

  it('writes phones in E.164 with the workspace default country, and types custom fields', async () => {
    expect((await omni.call('PUT', '/api/v1/workspace/default-country', { country: 'XX' })).status).toBe(400);
    const set = await omni.call('PUT', '/api/v1/workspace/default-country', { country: 'es' });
    expect(set).toEqual({ status: 200, body: { country: 'ES' } });
    await omni.handle.db.insert(contactFields).values([
      { id: newId(), workspaceId, key: 'visitas', label: 'Visitas', type: 'number' },
      { id: newId(), workspaceId, key: 'plan', label: 'Plan', type: 'choice', choices: ['Básico', 'Pro'] },
    ]);
    const preview = await upload(
      '/contact-imports/preview',
      'Nombre,Móvil,Visitas,Plan\nEva,612 000 111,3,pro\n',
    );
    expect(preview.body.proposedMapping).toEqual({
      Nombre: 'first_name',
      Móvil: 'phone',
      Visitas: 'field:visitas',
      Plan: 'field:plan',
    });
    expect(preview.body.defaultCountry).toBe('ES');
    const done = await importFile(
      'Nombre,Móvil,Visitas,Plan\nEva,612 000 111,"3,5",pro\nIvo,612 000 222,tres,Gold\n',
    );
    expect(done).toMatchObject({ created: 1, rejected: 1 });
    const [eva] = await omni.handle.db
      .select()
      .from(contactChannels)
      .where(eq(contactChannels.address, '+34612000111'));
    const person = await omni.handle.db.query.contacts.findFirst({ where: eq(contacts.id, eva!.contactId) });
    expect(person!.attributes).toEqual({ visitas: 3.5, plan: 'Pro' });
    const report = await omni.call('GET', `/api/v1/contact-imports/${done.id}/rejections`);
    expect(report.body.rejections.map((r: { field: string; code: string }) => [r.field, r.code])).toEqual([
      ['Plan', 'IMPORT_CHOICE_INVALID'],
      ['Visitas', 'IMPORT_NUMBER_INVALID'],
    ]);
  });

  it('answers 400 for a mapping that cannot run, and nothing is recorded', async () => {
    const file = 'name,phone\nAna,+51987000010\n';
    const cases: [Record<string, string>, RegExp][] = [
      [{ mapping: '{nope' }, /not JSON/],
      [{ mapping: '{"telefono":"phone"}' }, /no column "telefono"/],
      [{ mapping: '{"phone":"fax"}' }, /"fax" is not something a column can fill/],
      [{ mapping: '{"phone":"field:nope"}' }, /No custom field "nope"/],
      [{ mapping: '{"name":"first_name"}' }, /at least one column to phone, whatsapp or email/],
      [{ mapping: '{"name":"first_name","phone":"first_name"}' }, /both fill first_name/],
      [{ country: 'ZZ' }, /not a country code/],
    ];
    for (const [fields, message] of cases) {
      const answer = await upload('/contact-imports', file, fields);
      expect(answer.status, JSON.stringify(fields)).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    const missingFile = await omni.app.request('/api/v1/contact-imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${omni.apiKey}` },
      body: new FormData(),
    });
    expect(missingFile.status).toBe(400);
    // Not a form at all, or a broken one: a 400 that says what to send, never a 500.
    const bodies: [string, string, number][] = [
      ['multipart/form-data; boundary=x', '--x\r\nbroken', 400],
      ['application/json', '{"file":"a.csv"}', 415],
      ['text/csv', file, 415],
      ['application/x-www-form-urlencoded', 'file=abc', 415],
    ];
    for (const [contentType, body, status] of bodies)
      for (const path of ['/api/v1/contact-imports', '/api/v1/contact-imports/preview']) {
        const answer = await omni.app.request(path, {
          method: 'POST',
          headers: { authorization: `Bearer ${omni.apiKey}`, 'content-type': contentType },
          body,
        });
        expect(answer.status, `${path} ${contentType}`).toBe(status);
        if (status === 415)
          expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
            /multipart\/form-data/,
          );
      }
  });

  it('lets coordinators import, viewers only look, and refuses files over the limit with 413', async () => {
    const file = 'name,phone\nZoe,+51987000020\n';
    const viewer = await upload('/contact-imports', file, {}, { key: viewerKey });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.message).toMatch(/admin or coordinator can/);
    expect((await upload('/contact-imports/preview', file, {}, { key: viewerKey })).status).toBe(403);
    const designer = await upload('/contact-imports', file, {}, { key: coordinatorKey });
    expect(designer.status).toBe(202);
    const asViewer = await omni.app.request(`/api/v1/contact-imports/${designer.body.id}`, {
      headers: { authorization: `Bearer ${viewerKey}` },
    });
    expect(asViewer.status).toBe(200);
    const rejections = await omni.app.request(`/api/v1/contact-imports/${designer.body.id}/rejections`, {
      headers: { authorization: `Bearer ${viewerKey}` },
    });
    expect(rejections.status).toBe(403);
    const country = await omni.app.request('/api/v1/workspace/default-country', {
      method: 'PUT',
      headers: { authorization: `Bearer ${coordinatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ country: 'PE' }),
    });
    expect(country.status).toBe(403);
    const big = await upload('/contact-imports', new Uint8Array(51 * 1024 * 1024).fill(0x41));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/larger than 50 MiB/);
  });
});

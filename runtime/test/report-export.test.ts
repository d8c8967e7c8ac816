import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../src/reports/report-document.ts';
import { renderReport } from '../src/reports/render-report.ts';
import { cellText } from '../src/reports/report-values.ts';

/** A document with known figures, Spanish words with every accent and sign, and each cell type. */
function handMade(language: 'es' | 'en' = 'es'): ReportDocument {
  const es = language === 'es';
  return {
    report: 'call-traffic',
    title: es ? 'Tráfico de llamadas — señal pequeña' : 'Inbound call traffic',
    language,
    generatedAt: '2026-12-07T15:30:00.000Z',
    timezone: 'America/Lima',
    filters: [
      { label: es ? 'Período' : 'Period', value: es ? 'Últimos 3 días' : 'Last 3 days' },
      { label: es ? 'Campaña' : 'Campaign', value: '¿Año Niño? ¡Sí!' },
    ],
    charts: [
      {
        title: es ? 'Llamadas atendidas por día' : 'Calls answered by day',
        kind: 'stacked-bar',
        categories: ['2026-12-04', '2026-12-05', '2026-12-06'],
        series: [
          { name: es ? 'Atendidas' : 'Answered', data: [118, 97, 203] },
          { name: es ? 'Abandonadas' : 'Abandoned', data: [12, 3, 21] },
        ],
        valueType: 'integer',
      },
    ],
    tables: [
      {
        name: es ? 'Por día' : 'By day',
        columns: [
          { key: 'day', label: es ? 'Día' : 'Day', type: 'date' },
          { key: 'agent', label: es ? 'Agente más activo' : 'Busiest agent', type: 'text' },
          { key: 'offered', label: es ? 'Ofrecidas' : 'Offered', type: 'integer' },
          { key: 'rate', label: es ? 'Tasa de atención' : 'Answer rate', type: 'percent' },
          { key: 'wait', label: es ? 'Espera media' : 'Average wait', type: 'duration' },
          { key: 'cost', label: es ? 'Costo' : 'Cost', type: 'number' },
          { key: 'last', label: es ? 'Última llamada' : 'Last call', type: 'datetime' },
        ],
        rows: [
          {
            day: '2026-12-04',
            agent: 'Begoña Núñez',
            offered: 130,
            rate: 0.9077,
            wait: 47,
            cost: 12.5,
            last: '2026-12-05T04:59:00.000Z',
          },
          {
            day: '2026-12-05',
            agent: 'Íñigo Ibáñez',
            offered: 100,
            rate: 0.97,
            wait: 3725,
            cost: 0.75,
            last: '2026-12-05T23:10:30.000Z',
          },
          {
            day: '2026-12-06',
            agent: 'José Martín',
            offered: 224,
            rate: 0.90625,
            wait: 90061,
            cost: 1234.25,
            last: null,
          },
        ],
        totals: { day: null, agent: null, offered: 454, rate: 0.9207, wait: 31278, cost: 1247.5, last: null },
      },
      {
        name: es ? 'Opciones del menú: ¿cuál?' : 'Menu options',
        columns: [
          { key: 'option', label: es ? 'Opción' : 'Option', type: 'text' },
          { key: 'count', label: es ? 'Veces' : 'Times', type: 'integer' },
        ],
        rows: [
          { option: 'Atención al cliente', count: 3000 },
          { option: 'Facturación', count: 1250 },
        ],
      },
    ],
  };
}

const pdfText = (bytes: Uint8Array, args: string[] = ['-layout']) => {
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, bytes);
  // NBSP (es-ES puts one before %) and thin spaces read as plain spaces.
  return execFileSync('pdftotext', [...args, file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  }).replace(/[\u00a0\u202f]/g, ' ');
};

async function openWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('report export', () => {
  it('writes every table as a sheet of typed, formatted cells under a frozen bold header', async () => {
    const doc = handMade('es');
    const out = await renderReport(doc, 'xlsx');
    expect(out.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(out.filename).toBe('call-traffic-2026-12-07.xlsx');
    const workbook = await openWorkbook(out.body as Uint8Array);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Informe',
      'Por día',
      'Opciones del menú ¿cuál',
      'Datos del gráfico',
    ]);

    const cover = workbook.getWorksheet('Informe')!;
    expect(cover.getCell('A1').value).toBe('Tráfico de llamadas — señal pequeña');
    expect(cover.getCell('A1').font.bold).toBe(true);
    const coverRows = cover
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(coverRows).toContainEqual(['Generado', '7 de diciembre de 2026 a las 10:30']);
    expect(coverRows).toContainEqual(['Zona horaria', 'America/Lima']);
    expect(coverRows).toContainEqual(['Período', 'Últimos 3 días']);
    expect(coverRows).toContainEqual(['Campaña', '¿Año Niño? ¡Sí!']);

    const sheet = workbook.getWorksheet('Por día')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:G4');
    const header = sheet.getRow(1);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => header.getCell(c).value)).toEqual([
      'Día',
      'Agente más activo',
      'Ofrecidas',
      'Tasa de atención',
      'Espera media',
      'Costo',
      'Última llamada',
    ]);
    for (let c = 1; c <= 7; c++) expect(header.getCell(c).font.bold).toBe(true);
    for (let c = 1; c <= 7; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(8);

    const T = ExcelJS.ValueType;
    const expectCell = (ref: string, value: unknown, type: ExcelJS.ValueType, numFmt?: string) => {
      const cell = sheet.getCell(ref);
      // exceljs reads a number under a time format back as a date from Excel's epoch (1899-12-30).
      if (type === T.Number && numFmt === '[h]:mm:ss') {
        expect(cell.type, ref).toBe(T.Date);
        const seconds = ((cell.value as Date).getTime() - Date.UTC(1899, 11, 30)) / 1000;
        expect(seconds * 1, ref).toBeCloseTo((value as number) * 86400, 3);
        expect(cell.numFmt, ref).toBe(numFmt);
        return;
      }
      expect(cell.type, ref).toBe(type);
      if (value instanceof Date) expect((cell.value as Date).toISOString(), ref).toBe(value.toISOString());
      else if (typeof value === 'number') expect(cell.value as number, ref).toBeCloseTo(value, 9);
      else expect(cell.value, ref).toBe(value);
      if (numFmt) expect(cell.numFmt, ref).toBe(numFmt);
    };
    // Row 2: 2026-12-04; the last call at 04:59 UTC on the 5th was 23:59 on the 4th in Lima.
    expectCell('A2', new Date('2026-12-04T00:00:00Z'), T.Date, 'yyyy-mm-dd');
    expectCell('B2', 'Begoña Núñez', T.String);
    expectCell('C2', 130, T.Number, '#,##0');
    expectCell('D2', 0.9077, T.Number, '0.0%');
    expectCell('E2', 47 / 86400, T.Number, '[h]:mm:ss');
    expectCell('F2', 12.5, T.Number, '#,##0.00');
    expectCell('G2', new Date('2026-12-04T23:59:00Z'), T.Date, 'yyyy-mm-dd hh:mm');
    expectCell('A3', new Date('2026-12-05T00:00:00Z'), T.Date);
    expectCell('B3', 'Íñigo Ibáñez', T.String);
    expectCell('C3', 100, T.Number);
    expectCell('D3', 0.97, T.Number);
    expectCell('E3', 3725 / 86400, T.Number, '[h]:mm:ss');
    expectCell('F3', 0.75, T.Number);
    expectCell('G3', new Date('2026-12-05T18:10:30Z'), T.Date);
    expectCell('A4', new Date('2026-12-06T00:00:00Z'), T.Date);
    expectCell('B4', 'José Martín', T.String);
    expectCell('C4', 224, T.Number);
    expectCell('D4', 0.90625, T.Number);
    expectCell('E4', 90061 / 86400, T.Number, '[h]:mm:ss');
    expectCell('F4', 1234.25, T.Number);
    expectCell('G4', null, T.Null);
    // Totals row, bold, named in its empty first cell.
    expectCell('A5', 'Total', T.String);
    expectCell('C5', 454, T.Number, '#,##0');
    expectCell('D5', 0.9207, T.Number, '0.0%');
    expectCell('E5', 31278 / 86400, T.Number, '[h]:mm:ss');
    expectCell('F5', 1247.5, T.Number);
    expect(sheet.getCell('C5').font.bold).toBe(true);
    expect(sheet.rowCount).toBe(5);

    const options = workbook.getWorksheet('Opciones del menú ¿cuál')!;
    expect(
      options
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ['Opción', 'Veces'],
      ['Atención al cliente', 3000],
      ['Facturación', 1250],
    ]);

    const chart = workbook.getWorksheet('Datos del gráfico')!;
    expect(
      chart
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ['Llamadas atendidas por día'],
      [undefined, 'Atendidas', 'Abandonadas'],
      ['2026-12-04', 118, 12],
      ['2026-12-05', 97, 3],
      ['2026-12-06', 203, 21],
    ]);
  });

  it('names the totals row in its first text column', async () => {
    const doc = handMade('en');
    doc.tables[1]!.totals = { option: null, count: 4250 };
    const workbook = await openWorkbook((await renderReport(doc, 'xlsx')).body as Uint8Array);
    const sheet = workbook.getWorksheet('Menu options')!;
    expect(sheet.getRow(4).values).toEqual([undefined, 'Total', 4250]);
    expect(workbook.worksheets[0]!.name).toBe('Report');
    expect(workbook.worksheets.at(-1)!.name).toBe('Chart data');
  });

  it('prints a Spanish A4 PDF with the title page, filters, chart and every figure', async () => {
    const doc = handMade('es');
    const out = await renderReport(doc, 'pdf');
    expect(out.contentType).toBe('application/pdf');
    expect(out.filename).toBe('call-traffic-2026-12-07.pdf');
    const bytes = out.body as Uint8Array;
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Tráfico de llamadas — señal pequeña/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    // Title page, the chart, one page per table.
    expect(pages).toBe(4);

    const text = pdfText(bytes);
    const flat = pdfText(bytes, ['-raw']);
    const [titlePage, chartPage] = text.split('\f');
    expect(titlePage).toContain('Tráfico de llamadas — señal pequeña');
    expect(titlePage).toContain('Generado: 7 de diciembre de 2026 a las 10:30');
    expect(titlePage).toContain('Zona horaria: America/Lima');
    expect(titlePage).toContain('Filtros');
    expect(titlePage).toContain('Período: Últimos 3 días');
    expect(titlePage).toContain('Campaña: ¿Año Niño? ¡Sí!');
    expect(titlePage).toContain('Página 1 de 4');
    // The chart is drawn, with its title, legend and axis words as text.
    expect(chartPage).toContain('Llamadas atendidas por día');
    expect(chartPage).toContain('Atendidas');
    expect(chartPage).toContain('Abandonadas');
    expect(chartPage).toContain('Página 2 de 4');

    for (const table of doc.tables) {
      expect(flat).toContain(table.name);
      // Long column names wrap in the header row, so their words are found one by one.
      for (const column of table.columns)
        for (const word of column.label.split(' ')) expect(flat).toContain(word);
      for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])])
        for (const column of table.columns) {
          const shown = cellText(row[column.key], column.type, 'es', doc.timezone).replace(/\u00a0/g, ' ');
          if (shown) expect(flat, `${column.key}=${row[column.key]}`).toContain(shown);
        }
    }
    // The figures as a Spanish reader writes them.
    for (const figure of [
      '90,8 %',
      '1234,25',
      '25:01:01',
      '4/12/26',
      '4/12/26, 23:59',
      'Total',
      'Begoña Núñez',
      '3000',
    ])
      expect(flat).toContain(figure);
  });

  it('prints the same document in English', async () => {
    const text = pdfText((await renderReport(handMade('en'), 'pdf')).body as Uint8Array);
    expect(text).toContain('Inbound call traffic');
    expect(text).toContain('Generated: December 7, 2026 at 10:30 AM');
    expect(text).toContain('Time zone: America/Lima');
    expect(text).toContain('Period: Last 3 days');
    expect(text).toContain('Page 4 of 4');
    expect(text).toContain('90.8%');
    expect(text).toContain('1,234.25');
  });

  it('repeats the header on every page of a 10,000-row table, fast enough to mail', async () => {
    const doc = handMade('es');
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      day: '2026-12-06',
      agent: `Agente ${i + 1}`,
      offered: i,
      rate: (i % 100) / 100,
      wait: i * 7,
      cost: i / 4,
      last: '2026-12-06T15:00:00.000Z',
    }));
    doc.tables = [{ ...doc.tables[0]!, rows, totals: undefined }];
    doc.charts = [];
    let started = performance.now();
    const xlsx = await renderReport(doc, 'xlsx');
    const xlsxMs = performance.now() - started;
    started = performance.now();
    const pdf = await renderReport(doc, 'pdf');
    const pdfMs = performance.now() - started;
    console.log(
      `10,000 rows: xlsx ${Math.round(xlsxMs)} ms (${(xlsx.body as Uint8Array).length} bytes), pdf ${Math.round(pdfMs)} ms (${(pdf.body as Uint8Array).length} bytes)`,
    );
    expect(xlsxMs).toBeLessThan(20_000);
    expect(pdfMs).toBeLessThan(20_000);

    const workbook = await openWorkbook(xlsx.body as Uint8Array);
    const sheet = workbook.getWorksheet('Por día')!;
    expect(sheet.rowCount).toBe(10_001);
    expect(sheet.getCell('B10001').value).toBe('Agente 10000');
    expect(sheet.getCell('C10001').value).toBe(9999);

    const pages = pdfText(pdf.body as Uint8Array)
      .split('\f')
      .filter((p) => p.trim());
    const tablePages = pages.slice(1);
    expect(tablePages.length).toBeGreaterThan(100);
    for (const page of tablePages) expect(page).toMatch(/Día\s+Agente más activo\s+Ofrecidas/);
    expect(pages.at(-1)).toContain('Agente 10000');
    expect(pages.at(-1)).toContain(`Página ${pages.length} de ${pages.length}`);
  });

  it('writes CSV and JSON too', async () => {
    const csv = await renderReport(handMade('en'), 'csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(handMade('en').title);
    const table = lines.indexOf('By day');
    expect(lines.slice(table, table + 3)).toEqual([
      'By day',
      'Day,Busiest agent,Offered,Answer rate,Average wait,Cost,Last call',
      '2026-12-04,Begoña Núñez,130,0.9077,47,12.5,2026-12-05T04:59:00.000Z',
    ]);
    const json = await renderReport(handMade('en'), 'json');
    expect(JSON.parse(String(json.body))).toEqual(handMade('en'));
  });
});

import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportDocument, ReportTable } from './report-document.ts';
import { renderChartSvg } from './report-chart-svg.ts';
import { cellText, generatedAtText } from './report-values.ts';
import { reportWords } from './report-words.ts';

// A4 in points; the standard fonts are WinAnsi-encoded, which holds every Spanish letter and sign.
const margin = 48;
const regular = 'Helvetica';
const bold = 'Helvetica-Bold';
const ink = '#222222';
const muted = '#555555';
const rule = '#B8C4D0';
const headerFill = '#E8EEF4';

type Pdf = PDFKit.PDFDocument;

const contentWidth = (pdf: Pdf) => pdf.page.width - margin * 2;
const bottomLimit = (pdf: Pdf) => pdf.page.height - margin - 16;

function titlePage(pdf: Pdf, doc: ReportDocument) {
  const words = reportWords(doc.language);
  pdf
    .font(bold)
    .fontSize(24)
    .fillColor(ink)
    .text(doc.title, margin, 160, { width: contentWidth(pdf) });
  pdf.moveDown(1.5);
  const line = (label: string, value: string) => {
    pdf.font(bold).fontSize(11).fillColor(ink).text(`${label}: `, { continued: true });
    pdf.font(regular).fillColor(ink).text(value);
    pdf.moveDown(0.3);
  };
  line(words.generatedAt, generatedAtText(doc));
  line(words.timezone, doc.timezone);
  if (doc.filters.length > 0) {
    pdf.moveDown(1);
    pdf.font(bold).fontSize(14).fillColor(ink).text(words.filters);
    pdf.moveDown(0.5);
    for (const filter of doc.filters) line(filter.label, filter.value);
  }
}

function heading(pdf: Pdf, text: string) {
  pdf
    .font(bold)
    .fontSize(14)
    .fillColor(ink)
    .text(text, margin, pdf.y, { width: contentWidth(pdf) });
  pdf.moveDown(0.4);
}

function charts(pdf: Pdf, doc: ReportDocument) {
  const width = contentWidth(pdf);
  const height = 300;
  doc.charts.forEach((chart, i) => {
    // Two charts a page: each starts a page or goes under the one before when it fits.
    if (i === 0 || pdf.y + height + 40 > bottomLimit(pdf)) pdf.addPage();
    else pdf.moveDown(1.5);
    heading(pdf, chart.title);
    const svg = renderChartSvg(chart, doc.language, { width, height });
    SVGtoPDF(pdf, svg, margin, pdf.y, { width, height, assumePt: true });
    pdf.y += height;
  });
}

function table(pdf: Pdf, doc: ReportDocument, section: ReportTable) {
  const words = reportWords(doc.language);
  pdf.addPage();
  heading(pdf, section.name);
  const columns = section.columns;
  if (columns.length === 0) return;
  const fontSize = columns.length > 8 ? 7 : columns.length > 5 ? 8 : 9;
  const padding = 3;
  const rowHeight = fontSize + padding * 2 + 2;
  // Text columns take twice the room of figures, which are short once formatted.
  const weights = columns.map((c) => (c.type === 'text' ? 2 : c.type === 'datetime' ? 1.5 : 1));
  const unit = contentWidth(pdf) / weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => w * unit);
  const lefts = widths.map((_, i) => margin + widths.slice(0, i).reduce((a, b) => a + b, 0));

  // Column names wrap onto as many lines as they need; the row is as tall as the tallest.
  const header = columns.map((c) => c.label);
  pdf.font(bold).fontSize(fontSize);
  const headerHeight =
    Math.max(...header.map((label, i) => pdf.heightOfString(label, { width: widths[i]! - padding * 2 }))) +
    padding * 2;
  const drawHeader = () => {
    const y = pdf.y;
    pdf.rect(margin, y, contentWidth(pdf), headerHeight).fill(headerFill);
    pdf.font(bold).fontSize(fontSize).fillColor(ink);
    header.forEach((label, i) => {
      pdf.text(label, lefts[i]! + padding, y + padding, {
        width: widths[i]! - padding * 2,
        align: columns[i]!.type === 'text' ? 'left' : 'right',
      });
    });
    pdf.y = y + headerHeight;
  };
  // Cells keep to one line: cut with an ellipsis by measuring, which is much faster than pdfkit's
  // own wrapping on tables of thousands of rows.
  const fit = (text: string, room: number) => {
    if (pdf.widthOfString(text) <= room) return text;
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (pdf.widthOfString(`${text.slice(0, mid)}…`) <= room) low = mid;
      else high = mid - 1;
    }
    return `${text.slice(0, low)}…`;
  };
  const drawRow = (cells: string[], total: boolean) => {
    const y = pdf.y;
    if (total)
      pdf
        .moveTo(margin, y)
        .lineTo(margin + contentWidth(pdf), y)
        .lineWidth(0.8)
        .stroke(ink);
    pdf
      .font(total ? bold : regular)
      .fontSize(fontSize)
      .fillColor(ink);
    cells.forEach((text, i) => {
      if (!text) return;
      const room = widths[i]! - padding * 2;
      const shown = fit(text, room);
      const x =
        columns[i]!.type === 'text'
          ? lefts[i]! + padding
          : lefts[i]! + padding + room - pdf.widthOfString(shown);
      pdf.text(shown, x, y + padding + 1, { lineBreak: false });
    });
    if (!total)
      pdf
        .moveTo(margin, y + rowHeight)
        .lineTo(margin + contentWidth(pdf), y + rowHeight)
        .lineWidth(0.3)
        .stroke(rule);
    pdf.y = y + rowHeight;
  };
  drawHeader();
  const rows = section.rows.map((row) =>
    columns.map((c) => cellText(row[c.key], c.type, doc.language, doc.timezone)),
  );
  if (section.totals) {
    const totals = columns.map((c) => cellText(section.totals![c.key], c.type, doc.language, doc.timezone));
    if (totals[0] === '') totals[0] = words.total;
    rows.push(totals);
  }
  if (section.rows.length === 0) {
    pdf
      .font(regular)
      .fontSize(fontSize + 1)
      .fillColor(muted)
      .text(words.noRows, margin, pdf.y + padding);
  }
  rows.forEach((cells, i) => {
    if (pdf.y + rowHeight > bottomLimit(pdf)) {
      // A new page repeats the heading and the column names so every page reads on its own.
      pdf.addPage();
      pdf.font(bold).fontSize(10).fillColor(muted).text(`${section.name} ${words.continued}`, margin, pdf.y);
      pdf.moveDown(0.3);
      drawHeader();
    }
    drawRow(cells, section.totals !== undefined && i === rows.length - 1);
  });
}

function pageNumbers(pdf: Pdf, doc: ReportDocument) {
  const words = reportWords(doc.language);
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font(regular).fontSize(8).fillColor(muted);
    pdf.text(doc.title, margin, pdf.page.height - margin + 8, {
      width: contentWidth(pdf) / 2,
      lineBreak: false,
      ellipsis: true,
    });
    pdf.text(words.page(i + 1, range.count), margin, pdf.page.height - margin + 8, {
      width: contentWidth(pdf),
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}

/** The printable report: a title page with the filters, the charts, then each table, numbered A4 pages. */
export function renderPdf(doc: ReportDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: doc.title, Creator: 'Omniflow', CreationDate: new Date(doc.generatedAt) },
    lang: doc.language,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  titlePage(pdf, doc);
  charts(pdf, doc);
  for (const section of doc.tables) table(pdf, doc, section);
  pageNumbers(pdf, doc);
  pdf.end();
  return done;
}

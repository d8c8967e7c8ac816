import type { ReportLanguage } from './report-document.ts';

/** The few words the exports add around a document's own (already translated) labels. */
const words = {
  en: {
    generatedAt: 'Generated',
    timezone: 'Time zone',
    filters: 'Filters',
    total: 'Total',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    charts: 'Charts',
    chartData: 'Chart data',
    report: 'Report',
    noRows: 'No data for this period.',
    continued: '(continued)',
  },
  es: {
    generatedAt: 'Generado',
    timezone: 'Zona horaria',
    filters: 'Filtros',
    total: 'Total',
    page: (n: number, of: number) => `Página ${n} de ${of}`,
    charts: 'Gráficos',
    chartData: 'Datos del gráfico',
    report: 'Informe',
    noRows: 'No hay datos en este período.',
    continued: '(continuación)',
  },
} as const;

export const reportWords = (language: ReportLanguage) => words[language];

import * as echarts from 'echarts';
import type { ReportChart, ReportLanguage } from './report-document.ts';
import { durationText } from './report-values.ts';

/**
 * Okabe & Ito's palette: eight colours told apart with every common colour-vision deficiency
 * (and in greyscale print, by their different lightness). Blue first: it reads well as one series.
 */
export const okabeIto = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#000000',
];

function axisLabel(valueType: ReportChart['valueType'], language: ReportLanguage) {
  const locale = language === 'es' ? 'es-ES' : 'en-US';
  if (valueType === 'percent')
    return (v: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  if (valueType === 'duration') return (v: number) => durationText(v);
  return (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
}

/**
 * A chart drawn by Apache ECharts on the server (its SSR SVG renderer: no browser, no canvas),
 * the same library the app draws with, so the PDF looks like the screen.
 */
export function renderChartSvg(
  chart: ReportChart,
  language: ReportLanguage,
  size: { width: number; height: number },
): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  const format = axisLabel(chart.valueType, language);
  // svg-to-pdfkit maps these families onto the PDF's standard fonts (WinAnsi: á é í ó ú ñ ¿ ¡).
  const textStyle = { fontFamily: 'Helvetica', fontSize: 11, color: '#222222' };
  const legend = chart.series.length > 1 || chart.kind === 'pie';
  try {
    if (chart.kind === 'pie') {
      instance.setOption({
        animation: false,
        color: okabeIto,
        textStyle,
        legend: { show: legend, bottom: 0, textStyle },
        series: [
          {
            type: 'pie',
            radius: ['0%', '62%'],
            center: ['50%', '45%'],
            label: {
              formatter: (p: { name: string; value: number }) => `${p.name}: ${format(p.value)}`,
              ...textStyle,
            },
            data: chart.categories.map((name, i) => ({ name, value: chart.series[0]?.data[i] ?? 0 })),
          },
        ],
      });
    } else {
      const stacked = chart.kind === 'stacked-bar';
      instance.setOption({
        animation: false,
        color: okabeIto,
        textStyle,
        grid: { left: 70, right: 20, top: 20, bottom: legend ? 60 : 40 },
        legend: { show: legend, bottom: 0, textStyle },
        xAxis: { type: 'category', data: chart.categories, axisLabel: { hideOverlap: true, ...textStyle } },
        yAxis: { type: 'value', axisLabel: { formatter: format, ...textStyle } },
        series: chart.series.map((s) => ({
          name: s.name,
          type: chart.kind === 'line' ? 'line' : 'bar',
          data: s.data,
          ...(stacked ? { stack: 'total' } : {}),
          ...(chart.kind === 'line' ? { symbolSize: 5 } : {}),
        })),
      });
    }
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/**
 * Chart.js with only the pieces the desk draws registered, so the bundle stays small. Colours meet AA
 * contrast against white, and every chart is paired with a text summary for screen readers.
 */
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { h } from './dom.ts';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#374151';
Chart.defaults.animation = false;

/** Colour-blind-safe palette (Okabe–Ito, darkened for AA against white). */
export const PALETTE = ['#0b62a4', '#c2410c', '#047857', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#4b5563'];

/**
 * A chart in a labelled figure: a canvas for sighted users and a caption and summary for everyone.
 *
 * @example
 * chartFigure('Anger over time', 'Average anger fell from 0.7 to 0.4.', config)
 */
export function chartFigure(title: string, summary: string, config: ChartConfiguration, height = 220): { figure: HTMLElement; chart: Chart } {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}. ${summary}` });
  const box = h('div', { class: 'chart-box' }, canvas);
  // Via CSSOM, not a style attribute: the page's CSP forbids inline style attributes.
  box.style.height = `${height}px`;
  const figure = h('figure', { class: 'chart' }, h('figcaption', {}, h('span', { class: 'chart-title' }, title), h('span', { class: 'chart-summary' }, summary)), box);
  config.options = { responsive: true, maintainAspectRatio: false, ...config.options };
  // One series needs no legend: the title and axis say what it is.
  if (config.data.datasets.length === 1 && !config.options.plugins?.legend) config.options.plugins = { ...config.options.plugins, legend: { display: false } };
  const chart = new Chart(canvas, config);
  return { figure, chart };
}

export { Chart };

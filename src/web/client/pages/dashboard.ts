/**
 * The lead dashboard: how angry customers are over time, how well replies follow the playbook (by agent
 * and by rule), transfers (which the seeds treat as harm), follow-ups done on time, and process gaps by
 * cause and team. Each chart has a text summary; each report loads on its own so one failure shows
 * as a message in its tile, not a blank page.
 */
import type { ChartConfiguration } from 'chart.js';
import { request } from '../api.ts';
import { chartFigure, PALETTE } from '../charts.ts';
import { h, replace, uid } from '../dom.ts';
import { currentUser, errorBox, frame } from '../layout.ts';

type Json = Record<string, unknown>;

interface Tile {
  title: string;
  path: string;
  /** Turns the report into a chart config and a one-line summary, or a message when there is no data. */
  build: (data: Json) => { config: ChartConfiguration; summary: string } | string;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const day = (v: unknown): string => str(v).slice(0, 10);

const TILES: Tile[] = [
  {
    title: 'Customer anger over time',
    path: '/api/reports/anger',
    build(d) {
      const pts = arr(d.points ?? d.series ?? d.rows);
      if (!pts.length) return 'No customer messages in this period.';
      const values = pts.map((p) => num(p.avgAnger ?? p.anger ?? p.value));
      return {
        summary: `Average anger ${values[0].toFixed(2)} on ${day(pts[0].day ?? pts[0].date)} → ${values[values.length - 1].toFixed(2)} on ${day(pts[pts.length - 1].day ?? pts[pts.length - 1].date)}.`,
        config: {
          type: 'line',
          data: { labels: pts.map((p) => day(p.day ?? p.date)), datasets: [{ label: 'Average anger (0–1)', data: values, borderColor: PALETTE[4], backgroundColor: 'rgba(185,28,28,0.1)', fill: true, tension: 0.25 }] },
          options: { scales: { y: { min: 0, max: 1 } } },
        },
      };
    },
  },
  {
    title: 'Playbook score by agent',
    path: '/api/reports/playbook',
    build(d) {
      const rows = arr(d.byAgent ?? d.agents);
      if (!rows.length) return 'No checked replies in this period.';
      const sorted = [...rows].sort((a, b) => num(b.score ?? b.avgScore) - num(a.score ?? a.avgScore));
      return {
        summary: `Best: ${str(sorted[0].agent ?? sorted[0].name)} (${Math.round(num(sorted[0].score ?? sorted[0].avgScore))}); lowest: ${str(sorted[sorted.length - 1].agent ?? sorted[sorted.length - 1].name)} (${Math.round(num(sorted[sorted.length - 1].score ?? sorted[sorted.length - 1].avgScore))}).`,
        config: {
          type: 'bar',
          data: { labels: sorted.map((r) => str(r.agent ?? r.name)), datasets: [{ label: 'Average playbook score (0–100)', data: sorted.map((r) => Math.round(num(r.score ?? r.avgScore))), backgroundColor: PALETTE[0] }] },
          options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } },
        },
      };
    },
  },
  {
    title: 'Findings by rule',
    path: '/api/reports/playbook',
    build(d) {
      const rows = arr(d.byRule ?? d.rules).sort((a, b) => num(b.count ?? b.findings) - num(a.count ?? a.findings)).slice(0, 12);
      if (!rows.length) return 'No findings in this period — or no replies.';
      return {
        summary: `Most frequent: ${rows.slice(0, 3).map((r) => `${str(r.ruleId ?? r.rule)} (${num(r.count ?? r.findings)})`).join(', ')}.`,
        config: {
          type: 'bar',
          data: { labels: rows.map((r) => str(r.ruleId ?? r.rule)), datasets: [{ label: 'Findings in sent replies', data: rows.map((r) => num(r.count ?? r.findings)), backgroundColor: PALETTE[1] }] },
          options: { indexAxis: 'y' },
        },
      };
    },
  },
  {
    title: 'Transfers',
    path: '/api/reports/transfers',
    build(d) {
      const pts = arr(d.points ?? d.series ?? d.byDay ?? d.rows);
      const total = num(d.total ?? pts.reduce((s, p) => s + num(p.count), 0));
      if (!pts.length) return `No transfers in this period${total ? ` (total ${total})` : ''}. Customers stayed with one owner.`;
      return {
        summary: `${total} transfer${total === 1 ? '' : 's'} in this period; each one hands an upset customer to a stranger.`,
        config: {
          type: 'bar',
          data: { labels: pts.map((p) => day(p.day ?? p.date) || str(p.agent ?? p.name)), datasets: [{ label: 'Transfers', data: pts.map((p) => num(p.count)), backgroundColor: PALETTE[7] }] },
          options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
      };
    },
  },
  {
    title: 'Follow-ups done on time',
    path: '/api/reports/follow-ups',
    build(d) {
      const pts = arr(d.points ?? d.series ?? d.byWeek ?? d.rows);
      if (pts.length) {
        return {
          summary: `On time: ${pts.reduce((s, p) => s + num(p.onTime), 0)}, late: ${pts.reduce((s, p) => s + num(p.late), 0)}, missed: ${pts.reduce((s, p) => s + num(p.missed ?? p.overdue), 0)}.`,
          config: {
            type: 'bar',
            data: {
              labels: pts.map((p) => day(p.day ?? p.week ?? p.date)),
              datasets: [
                { label: 'On time', data: pts.map((p) => num(p.onTime)), backgroundColor: PALETTE[2] },
                { label: 'Late', data: pts.map((p) => num(p.late)), backgroundColor: PALETTE[6] },
                { label: 'Missed', data: pts.map((p) => num(p.missed ?? p.overdue)), backgroundColor: PALETTE[4] },
              ],
            },
            options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
          },
        };
      }
      const onTime = num(d.onTime);
      const late = num(d.late);
      const missed = num(d.missed ?? d.overdue);
      if (!onTime && !late && !missed) return 'No follow-ups were due in this period.';
      return {
        summary: `${onTime} on time, ${late} late, ${missed} missed (${Math.round((100 * onTime) / Math.max(1, onTime + late + missed))}% on time).`,
        config: {
          type: 'bar',
          data: { labels: ['On time', 'Late', 'Missed'], datasets: [{ label: 'Follow-ups', data: [onTime, late, missed], backgroundColor: [PALETTE[2], PALETTE[6], PALETTE[4]] }] },
          options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
      };
    },
  },
  {
    title: 'Process gaps by cause and team',
    path: '/api/reports/process-gaps',
    build(d) {
      const rows = arr(d.rows ?? d.byCause ?? d.gaps);
      if (!rows.length) return 'No process gaps tagged in this period.';
      const causes = [...new Set(rows.map((r) => str(r.cause)))];
      const teams = [...new Set(rows.map((r) => str(r.team)))];
      const top = [...rows].sort((a, b) => num(b.count) - num(a.count))[0];
      return {
        summary: `Top: ${str(top.cause)} owned by ${str(top.team)} (${num(top.count)}).`,
        config: {
          type: 'bar',
          data: {
            labels: causes,
            datasets: teams.map((t, i) => ({
              label: t,
              data: causes.map((c) => rows.filter((r) => str(r.cause) === c && str(r.team) === t).reduce((s, r) => s + num(r.count), 0)),
              backgroundColor: PALETTE[i % PALETTE.length],
            })),
          },
          options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
        },
      };
    },
  },
];

export async function render(): Promise<void> {
  const user = await currentUser();
  const main = frame(user, 'dashboard', 'Team dashboard');
  const rangeId = uid('range');
  const range = h('select', { id: rangeId },
    h('option', { value: '7' }, 'Last 7 days'),
    h('option', { value: '30', selected: true }, 'Last 30 days'),
    h('option', { value: '90' }, 'Last 90 days'));
  const grid = h('div', { class: 'dashboard-grid' });
  replace(main,
    h('div', { class: 'page-head with-tools' },
      h('div', {}, h('h1', { id: 'page-title' }, 'Team dashboard'), h('p', { class: 'muted' }, 'How your team handles upset customers.')),
      h('div', { class: 'field inline' }, h('label', { for: rangeId }, 'Period'), range)),
    grid);
  const draw = () => {
    const days = Number(range.value);
    const cache = new Map<string, Promise<Json>>();
    const load = (path: string) => {
      const url = `${path}?days=${days}`;
      if (!cache.has(url)) cache.set(url, request<Json>('GET', url));
      return cache.get(url)!;
    };
    replace(grid, TILES.map((t) => {
      const tile = h('section', { class: 'panel tile', 'aria-label': t.title }, h('h2', {}, t.title), h('p', { class: 'loading' }, 'Loading…'));
      load(t.path).then((data) => {
        const built = t.build(data);
        if (typeof built === 'string') {
          replace(tile, h('h2', {}, t.title), h('p', { class: 'empty' }, built));
          return;
        }
        const { figure } = chartFigure(t.title, built.summary, built.config, 240);
        figure.querySelector('figcaption .chart-title')?.remove();
        replace(tile, h('h2', {}, t.title), figure);
      }).catch((err: unknown) => replace(tile, h('h2', {}, t.title), errorBox(err)));
      return tile;
    }));
  };
  range.addEventListener('change', draw);
  draw();
}

/**
 * The lead dashboard: how angry customers are over time, how well replies follow the playbook (by agent
 * and by rule), transfers (which the seeds treat as harm), follow-ups done on time, and process gaps by
 * cause and team and over time. Each chart has a text summary; each report loads on its own so one failure shows
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

/** "2026-11-09" → "Nov 9": short labels keep the axis readable. */
function shortDay(bucket: unknown): string {
  const d = new Date(`${day(bucket)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? str(bucket) : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Every bucket of the report's range, so the time axis spans the whole period and quiet days show as
 * gaps (anger) or zeros (counts) instead of vanishing. Buckets are UTC days or ISO weeks, like the server's.
 */
export function fillBuckets(d: Json, series: Json[], empty: (bucket: string) => Json): Json[] {
  const range = (d.range ?? {}) as Json;
  const from = Date.parse(str(range.from));
  const to = Date.parse(str(range.to));
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return series;
  const week = range.bucket === 'week';
  const start = new Date(from);
  start.setUTCHours(0, 0, 0, 0);
  // ISO weeks start on Monday.
  if (week) start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const byBucket = new Map(series.map((p) => [day(p.bucket), p]));
  const out: Json[] = [];
  for (let t = start.getTime(); t <= to && out.length < 400; t += (week ? 7 : 1) * 86_400_000) {
    const key = new Date(t).toISOString().slice(0, 10);
    out.push(byBucket.get(key) ?? empty(key));
  }
  return out;
}

const TILES: Tile[] = [
  {
    title: 'Customer anger over time',
    path: '/api/reports/anger-over-time',
    build(d) {
      const real = arr(d.series);
      if (!real.length) return 'No customer messages in this period.';
      const pts = fillBuckets(d, real, (bucket) => ({ bucket, messages: 0, avgAnger: null, upsetShare: null }));
      const gap = (v: unknown) => (v === null || v === undefined ? null : num(v));
      const messages = real.reduce((s, p) => s + num(p.messages), 0);
      const first = real[0];
      const last = real[real.length - 1];
      return {
        summary: real.length === 1
          ? `${messages} customer messages, average anger ${num(first.avgAnger).toFixed(2)} (${shortDay(first.bucket)}).`
          : `${messages} customer messages. Average anger ${num(first.avgAnger).toFixed(2)} on ${shortDay(first.bucket)}, ${num(last.avgAnger).toFixed(2)} on ${shortDay(last.bucket)}.`,
        config: {
          type: 'line',
          data: {
            labels: pts.map((p) => shortDay(p.bucket)),
            // Monotone curves: a plain spline (tension) swings past its points, drawing a share above 100%
            // or below 0 between two days that touched the limit.
            datasets: [
              { label: 'Average anger (0–1)', data: pts.map((p) => gap(p.avgAnger)), borderColor: PALETTE[4], backgroundColor: 'rgba(185,28,28,0.1)', fill: true, cubicInterpolationMode: 'monotone', spanGaps: true, pointRadius: 2 },
              { label: 'Share of upset messages', data: pts.map((p) => gap(p.upsetShare)), borderColor: PALETTE[0], borderDash: [5, 4], fill: false, cubicInterpolationMode: 'monotone', spanGaps: true, pointRadius: 2 },
            ],
          },
          options: { scales: { y: { min: 0, max: 1 }, x: { ticks: { autoSkip: true, maxRotation: 0 } } } },
        },
      };
    },
  },
  {
    title: 'Playbook score by agent',
    path: '/api/reports/playbook-by-agent',
    build(d) {
      const rows = arr(d.agents);
      if (!rows.length) return 'No replies were sent in this period.';
      const sorted = [...rows].sort((a, b) => num(b.avgScore) - num(a.avgScore));
      const best = sorted[0];
      const worst = sorted[sorted.length - 1];
      return {
        summary: sorted.length === 1
          ? `${str(best.name)}: ${Math.round(num(best.avgScore))} over ${num(best.replies)} ${num(best.replies) === 1 ? 'reply' : 'replies'}.`
          : `Highest ${str(best.name)} (${Math.round(num(best.avgScore))}), lowest ${str(worst.name)} (${Math.round(num(worst.avgScore))}).`,
        config: {
          type: 'bar',
          data: { labels: sorted.map((r) => `${str(r.name)} · ${num(r.replies)} ${num(r.replies) === 1 ? 'reply' : 'replies'}`), datasets: [{ label: 'Average playbook score (0–100)', data: sorted.map((r) => Math.round(num(r.avgScore))), backgroundColor: PALETTE[0] }] },
          options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } },
        },
      };
    },
  },
  {
    title: 'Findings by rule',
    path: '/api/reports/playbook-by-rule',
    build(d) {
      const rows = arr(d.rules).slice(0, 12);
      if (!rows.length) return num(d.replies) ? `No findings in ${num(d.replies)} ${num(d.replies) === 1 ? 'reply' : 'replies'}.` : 'No replies were sent in this period.';
      return {
        summary: `Most frequent in ${num(d.replies)} replies: ${rows.slice(0, 3).map((r) => `${str(r.ruleId)} (${num(r.findings)})`).join(', ')}.`,
        config: {
          type: 'bar',
          data: { labels: rows.map((r) => `${str(r.ruleId)} · ${str(r.principle)}`), datasets: [{ label: 'Findings in sent replies', data: rows.map((r) => num(r.findings)), backgroundColor: PALETTE[1] }] },
          options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } } },
        },
      };
    },
  },
  {
    title: 'Transfers',
    path: '/api/reports/transfers',
    build(d) {
      const pts = fillBuckets(d, arr(d.series), (bucket) => ({ bucket, transfers: 0 }));
      const total = num(d.total);
      if (!total) return `No transfers among ${num(d.casesOpened)} cases opened: every customer kept one owner.`;
      return {
        summary: `${total} transfer${total === 1 ? '' : 's'}; ${num(d.casesTransferred)} of ${num(d.casesOpened)} cases changed hands.`,
        config: {
          type: 'bar',
          data: { labels: pts.map((p) => shortDay(p.bucket)), datasets: [{ label: 'Transfers', data: pts.map((p) => num(p.transfers)), backgroundColor: PALETTE[7] }] },
          options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { autoSkip: true, maxRotation: 0 } } } },
        },
      };
    },
  },
  {
    title: 'Follow-ups done on time',
    path: '/api/reports/follow-ups',
    build(d) {
      const totals = (d.totals ?? {}) as Json;
      if (!arr(d.series).length) return 'No follow-ups were due in this period.';
      const pts = fillBuckets(d, arr(d.series), (bucket) => ({ bucket, onTime: 0, late: 0, overdue: 0 }));
      const rate = totals.onTimeRate === null || totals.onTimeRate === undefined ? '—' : `${Math.round(num(totals.onTimeRate) * 100)}%`;
      return {
        summary: `${num(totals.onTime)} on time of ${num(totals.done)} done (${rate}); ${num(totals.overdue)} overdue.`,
        config: {
          type: 'bar',
          data: {
            labels: pts.map((p) => shortDay(p.bucket)),
            datasets: [
              { label: 'On time', data: pts.map((p) => num(p.onTime)), backgroundColor: PALETTE[2] },
              { label: 'Late', data: pts.map((p) => num(p.late)), backgroundColor: PALETTE[6] },
              { label: 'Overdue', data: pts.map((p) => num(p.overdue)), backgroundColor: PALETTE[4] },
            ],
          },
          options: { scales: { x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
        },
      };
    },
  },
  {
    title: 'Process gaps by cause and team',
    path: '/api/reports/process-gaps',
    build(d) {
      const rows = arr(d.series);
      if (!rows.length) return 'No process gaps tagged in this period.';
      const causes = [...new Set(rows.map((r) => str(r.cause)))];
      const teams = [...new Set(rows.map((r) => str(r.team)))];
      const byCause = arr(d.byCause);
      const byTeam = arr(d.byTeam);
      return {
        summary: `Top cause: ${str(byCause[0]?.cause)} (${num(byCause[0]?.gaps)}); team with most: ${str(byTeam[0]?.team)} (${num(byTeam[0]?.gaps)}).`,
        config: {
          type: 'bar',
          data: {
            labels: causes,
            datasets: teams.map((t, i) => ({
              label: t,
              data: causes.map((c) => rows.filter((r) => str(r.cause) === c && str(r.team) === t).reduce((s, r) => s + num(r.gaps), 0)),
              backgroundColor: PALETTE[i % PALETTE.length],
            })),
          },
          options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
        },
      };
    },
  },
  {
    // The same report by day or week: whether a fix to a process shows, or a new gap starts to pile up.
    title: 'Process gaps over time',
    path: '/api/reports/process-gaps',
    build(d) {
      const rows = arr(d.series);
      if (!rows.length) return 'No process gaps tagged in this period.';
      const causes = [...new Set(rows.map((r) => str(r.cause)))];
      const perBucket = new Map<string, Map<string, number>>();
      for (const r of rows) {
        const counts = perBucket.get(day(r.bucket)) ?? new Map<string, number>();
        counts.set(str(r.cause), (counts.get(str(r.cause)) ?? 0) + num(r.gaps));
        perBucket.set(day(r.bucket), counts);
      }
      const pts = fillBuckets(d, [...perBucket.keys()].map((bucket) => ({ bucket })), (bucket) => ({ bucket }));
      const totalOf = (bucket: string) => [...(perBucket.get(bucket)?.values() ?? [])].reduce((a, b) => a + b, 0);
      const tagged = [...perBucket.keys()].sort((a, b) => totalOf(b) - totalOf(a) || a.localeCompare(b));
      const total = rows.reduce((sum, r) => sum + num(r.gaps), 0);
      const unit = (d.range as Json | undefined)?.bucket === 'week' ? 'week' : 'day';
      const spread = `${total} gap${total === 1 ? '' : 's'} tagged on ${tagged.length} ${unit}${tagged.length === 1 ? '' : 's'}`;
      // Name the busiest only when one stands out; a tie would single out a day for no reason.
      const peak = tagged.length > 1 && totalOf(tagged[0]) > totalOf(tagged[1]) ? `; the most on ${shortDay(tagged[0])} (${totalOf(tagged[0])})` : '';
      return {
        summary: `${spread}${peak}.`,
        config: {
          type: 'bar',
          data: {
            labels: pts.map((p) => shortDay(p.bucket)),
            datasets: causes.map((c, i) => ({
              label: c,
              data: pts.map((p) => perBucket.get(day(p.bucket))?.get(c) ?? 0),
              backgroundColor: PALETTE[i % PALETTE.length],
            })),
          },
          options: { scales: { x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
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
  const approvals = h('section', { class: 'panel approvals', 'aria-labelledby': 'approvals-heading' });
  replace(main,
    approvals,
    h('div', { class: 'page-head with-tools' },
      h('div', {}, h('h1', { id: 'page-title' }, 'Team dashboard'), h('p', { class: 'muted' }, 'How your team handles upset customers.')),
      h('div', { class: 'field inline' }, h('label', { for: rangeId }, 'Period'), range)),
    grid);
  const draw = () => {
    const days = Number(range.value);
    const query = new URLSearchParams({ from: new Date(Date.now() - days * 86_400_000).toISOString(), bucket: days > 45 ? 'week' : 'day' });
    const cache = new Map<string, Promise<Json>>();
    const load = (path: string) => {
      const url = `${path}?${query}`;
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
        // Horizontal bar charts grow with their rows so every label fits.
        const rows = built.config.options?.indexAxis === 'y' ? (built.config.data.labels?.length ?? 0) : 0;
        const { figure } = chartFigure(t.title, built.summary, built.config, Math.max(240, rows * 24 + 50));
        figure.querySelector('figcaption .chart-title')?.remove();
        replace(tile, h('h2', {}, t.title), figure);
      }).catch((err: unknown) => replace(tile, h('h2', {}, t.title), errorBox(err)));
      return tile;
    }));
  };
  range.addEventListener('change', draw);
  draw();
  await drawApprovals(approvals);
}

interface Approval {
  id: number;
  caseId: number;
  caseSubject: string;
  offeredByName: string;
  label: string;
  unit: string | null;
  amount: number | null;
  note?: string;
}

/** Offers beyond an agent's authority, waiting for this lead: approve ("bend the rule") or turn down, with a reason. */
async function drawApprovals(box: HTMLElement): Promise<void> {
  let list: Approval[];
  try {
    list = (await request<{ approvals: Approval[] }>('GET', '/api/approvals')).approvals;
  } catch (err) {
    replace(box, h('h2', { id: 'approvals-heading' }, 'Waiting for your approval'), errorBox(err));
    return;
  }
  box.hidden = list.length === 0;
  replace(box,
    h('h2', { id: 'approvals-heading' }, `Waiting for your approval (${list.length})`),
    h('ul', { class: 'approval-list' }, list.map((a) => {
      const reasonId = uid('reason');
      const reason = h('input', { id: reasonId, placeholder: 'e.g. 9-year customer, double charge was our error' });
      const status = h('div', { class: 'panel-status' });
      const decide = (approve: boolean) => async () => {
        if (!reason.value.trim()) {
          status.textContent = 'Give a reason: it is recorded with your decision.';
          reason.focus();
          return;
        }
        try {
          await request('POST', `/api/offers/${a.id}/decision`, { approve, reason: reason.value.trim() });
          await drawApprovals(box);
        } catch (err) {
          replace(status, errorBox(err));
        }
      };
      const amount = a.amount === null ? '' : a.unit === '%' ? ` ${a.amount}%` : a.unit === 'USD' ? ` $${a.amount}` : ` ${a.amount} ${a.unit ?? ''}`;
      return h('li', { class: 'approval' },
        h('p', {}, h('strong', {}, `${a.label}${amount}`), ' for ', h('a', { href: `/cases/${a.caseId}` }, a.caseSubject), h('span', { class: 'muted' }, ` — asked by ${a.offeredByName}`)),
        h('div', { class: 'row' },
          h('div', { class: 'field grow' }, h('label', { for: reasonId }, 'Reason'), reason),
          h('div', { class: 'actions-row' },
            h('button', { type: 'button', class: 'primary', onclick: () => void decide(true)() }, 'Approve'),
            h('button', { type: 'button', class: 'secondary', onclick: () => void decide(false)() }, 'Turn down'))),
        status);
    })));
}

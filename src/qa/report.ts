/**
 * The QA report: one self-contained HTML file a lead can open offline or mail around. Chart.js (MIT) is
 * inlined from its UMD bundle, the data rides in a JSON script block, every piece of customer or agent
 * text is HTML-escaped, and a Content-Security-Policy forbids the page from loading anything at all.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { Turn } from '../engine/conversation/types.ts';
import { PRINCIPLES, type PrincipleId } from '../engine/types.ts';
import { ACK_BUCKETS, medianScore, type QaTotals, type WorstEntry } from './aggregate.ts';
import type { QaFinding } from './types.ts';

export interface ReportMeta {
  generatedAt: string;
  inputs: string[];
  title?: string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * esc('<b>"hi"</b>') // '&lt;b&gt;&quot;hi&quot;&lt;/b&gt;'
 */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

/**
 * JSON for a `<script type="application/json">` block: no `<` can close the element early.
 *
 * @example
 * scriptJson({ t: '</script>' }) // '{"t":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

let chartJs: string | undefined;
async function chartBundle(): Promise<string> {
  if (chartJs === undefined) {
    const require = createRequire(import.meta.url);
    const path = require.resolve('chart.js').replace(/chart\.c?js$/, 'chart.umd.min.js');
    chartJs = (await readFile(path, 'utf8')).replace(/<\/script/gi, '<\\/script');
  }
  return chartJs;
}

/** The playbook's reply moves in the order the playbook takes them. */
const MOVES: [string, string, string][] = [
  ['acknowledge', 'Acknowledged the feeling', 'P2'],
  ['apologize', 'Apologized', 'P4'],
  ['empathize', 'Showed specific empathy', 'P6'],
  ['name', "Used the customer's name", 'P5'],
  ['own', 'Took ownership', 'P10'],
  ['ask', 'Asked what they want', 'P12'],
  ['offer', 'Offered options', 'P13'],
  ['reassure', 'Reassured', 'P2'],
  ['summarize', 'Summarized the resolution', 'P16'],
  ['follow-up', 'Promised a follow-up', 'P17'],
  ['loyalty', 'Acknowledged loyalty', 'P18'],
];

const pct = (n: number, d: number): string => (d > 0 ? `${Math.round((n / d) * 100)}%` : '–');
const fmt = (n: number): string => n.toLocaleString('en-US');
const principleName = (p: string): string => PRINCIPLES[p as PrincipleId] ?? p;
/** `1 finding`, `5 findings`. */
const count = (n: number, noun: string, plural = `${noun}s`): string => `${fmt(n)} ${n === 1 ? noun : plural}`;

/**
 * The suggested fix as the report shows it. Insertions are labelled `Add “<text>”` by the rules, so
 * repeating the replacement after an arrow would print the same sentence twice; the arrow is kept for
 * replacements whose label does not already carry the new text.
 *
 * @example
 * fixLine({ message: 'Add “Sorry.”', text: ' Sorry.' }) // 'Add “Sorry.”'
 */
export function fixLine(s: { message: string; text: string }): string {
  const text = s.text.trim();
  if (!text || s.message.includes(text)) return esc(s.message);
  return `${esc(s.message)} → <q>${esc(text)}</q>`;
}

/**
 * Splits a text at every finding boundary and marks the flagged pieces; overlapping findings share
 * a `<mark>` whose `data-rules` lists them all.
 *
 * @example
 * highlight('Sorry. Call them.', [noTransferFinding]) // 'Sorry. <mark class="sev-error" …>Call them</mark>.'
 */
export function highlight(text: string, findings: QaFinding[]): string {
  if (!findings.length) return esc(text);
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    cuts.add(Math.max(0, Math.min(text.length, f.range[0])));
    cuts.add(Math.max(0, Math.min(text.length, f.range[1])));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    const covering = findings.filter((f) => f.range[0] <= a && f.range[1] >= b && f.range[0] < f.range[1]);
    const piece = esc(text.slice(a, b));
    if (!covering.length) {
      html += piece;
      continue;
    }
    const sev = covering.some((f) => f.severity === 'error') ? 'error' : covering.some((f) => f.severity === 'warning') ? 'warning' : 'suggestion';
    const title = covering.map((f) => `${f.ruleId}: ${f.message}`).join('\n');
    html += `<mark class="sev-${sev}" data-rules="${esc(covering.map((f) => f.ruleId).join(' '))}" title="${esc(title)}">${piece}</mark>`;
  }
  return html;
}

function takeaways(t: QaTotals): string[] {
  const out: string[] = [];
  if (!t.conversations) return ['No conversation could be scored. See the skipped rows below.'];
  const rules = Object.entries(t.byRule).sort((a, b) => b[1].count - a[1].count);
  if (rules.length) {
    const [id, r] = rules[0];
    // The rule's own message says what was missing; the principle's short label alone can mislead (P10's
    // "Own it: no transfers" headed a list where ownership statements, not transfers, were the finding).
    out.push(`The most frequent finding is <b>${esc(id)}</b> (${esc(r.principle)}): ${fmt(r.count)} times, ${pct(r.count, t.findings)} of all findings. For example: “${esc(r.message)}”`);
  }
  const upsetCounted = t.ack.reduce((s, n) => s + n, 0);
  if (upsetCounted) {
    out.push(`${fmt(t.upset)} conversations (${pct(t.upset, t.conversations)}) had an upset customer; ${pct(t.ack[5], upsetCounted)} of those never got an acknowledgement of how they felt.`);
  }
  const judged = t.effects.calmed + t.effects.inflamed + t.effects.neutral;
  if (judged) out.push(`Of ${fmt(judged)} agent replies followed by another customer message, ${pct(t.effects.calmed, judged)} calmed the customer and ${pct(t.effects.inflamed, judged)} made them angrier.`);
  if (t.anger.pairs) out.push(`Average customer anger went from ${(t.anger.beforeSum / t.anger.pairs).toFixed(2)} before an agent reply to ${(t.anger.afterSum / t.anger.pairs).toFixed(2)} after it (0 calm, 1 irate).`);
  const withTransfers = t.conversations - t.transfersHist[0];
  if (withTransfers) out.push(`${fmt(withTransfers)} conversations (${pct(withTransfers, t.conversations)}) handed the customer to someone else (${fmt(t.transfers)} transfers in all).`);
  const agents = Object.entries(t.byAgent).filter(([, a]) => a.replies >= 5).sort((a, b) => a[1].scoreSum / a[1].replies - b[1].scoreSum / b[1].replies);
  if (agents.length >= 2) {
    const [low, a] = agents[0];
    const [high, b] = agents[agents.length - 1];
    out.push(`Reply scores range from ${Math.round(a.scoreSum / a.replies)} (${esc(low)}) to ${Math.round(b.scoreSum / b.replies)} (${esc(high)}) among agents with at least 5 replies.`);
  }
  return out;
}

function chartData(t: QaTotals): Record<string, unknown> {
  const scoreBins = new Array<number>(10).fill(0);
  t.scoreHist.forEach((n, s) => (scoreBins[Math.min(9, Math.floor(s / 10))] += n));
  const agents = Object.entries(t.byAgent).sort((a, b) => b[1].replies - a[1].replies).slice(0, 15);
  const rules = Object.entries(t.byRule).sort((a, b) => b[1].count - a[1].count).slice(0, 15);
  return {
    scores: { labels: scoreBins.map((_, i) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`)), values: scoreBins },
    agents: {
      labels: agents.map(([name]) => name),
      score: agents.map(([, a]) => Math.round(a.scoreSum / Math.max(1, a.replies))),
    },
    rules: { labels: rules.map(([id]) => id), values: rules.map(([, r]) => r.count) },
    anger: { labels: ['0–0.2', '0.2–0.4', '0.4–0.6', '0.6–0.8', '0.8–1'], before: t.anger.beforeHist, after: t.anger.afterHist, effects: t.effects },
    transfers: { labels: ['0', '1', '2', '3+'], values: t.transfersHist },
    ack: { labels: [...ACK_BUCKETS], values: t.ack },
  };
}

function renderTurn(turn: Turn, index: number, findings: QaFinding[]): string {
  const mine = findings.filter((f) => f.turn === index);
  const who = turn.role === 'agent' ? 'agent' : 'customer';
  const fixes = mine.length
    ? `<ul class="fixes">${mine
        .map(
          (f) =>
            `<li class="sev-${esc(f.severity)}"><span class="rule">${esc(f.ruleId)}</span> <span class="principle">${esc(f.principle)} · ${esc(principleName(f.principle))}</span><br>${esc(f.message)}${
              f.excerpt ? ` — “${esc(f.excerpt)}”` : ''
            }${f.suggestion ? `<div class="fix">Suggested: ${fixLine(f.suggestion)}</div>` : ''}</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<div class="turn ${who}"><div class="meta">${esc(who === 'agent' ? 'Agent' : 'Customer')}${turn.author ? ` · ${esc(turn.author)}` : ''}${turn.at ? ` · ${esc(turn.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC'))}` : ''}</div><div class="text">${highlight(turn.text, mine)}</div>${fixes}</div>`;
}

function renderWorst(w: WorstEntry, rank: number): string {
  const r = w.result;
  const anger = r.angerTrajectory.length ? ` · anger ${r.angerTrajectory.map((a) => a.toFixed(2)).join(' → ')}` : '';
  return `<details class="conv" ${rank < 3 ? 'open' : ''} id="conv-${rank}"><summary><span class="score s${Math.floor(r.score / 34)}">${r.score}</span> <b>${esc(r.subject ?? '(no subject)')}</b> <span class="muted">#${esc(r.id)} · ${esc(r.source)} · ${count(r.findings.length, 'finding')} · ${esc(r.agents.join(', ') || 'no agent reply')}${anger}${r.transfers ? ` · ${count(r.transfers, 'transfer')}` : ''}</span></summary><div class="where muted">${esc(basename(r.file))}, line ${r.line}${r.customer ? ` · customer ${esc(r.customer)}` : ''}${r.nextMove ? ` · next move the playbook suggests: ${esc(r.nextMove)}` : ''}</div>${w.turns.map((t, i) => renderTurn(t, i, r.findings)).join('')}</details>`;
}

const CSS = `
:root{--fg:#1d2433;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#dde1e8;--err:#c62828;--warn:#8a5300;--sug:#2e6fb7;--ok:#2e7d32}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1180px;margin:0 auto;padding:16px 24px}header h1{margin:8px 0 4px;font-size:26px}.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin:12px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}.card .n{font-size:24px;font-weight:600}.card .l{color:var(--muted);font-size:13px}
section{margin:28px 0}h2{font-size:20px;margin:0 0 10px}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(340px,100%),1fr));gap:14px}
.chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}.chart h3{margin:0 0 8px;font-size:15px}.chart .box{position:relative;height:260px}
.chart p{margin:6px 0 0;font-size:13px;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line)}th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;font-size:14px;vertical-align:top}th{background:#eef1f5}td.num,th.num{text-align:right}
ul.takeaways li{margin:4px 0}
.conv{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:10px 14px}.conv summary{cursor:pointer}
.score{display:inline-block;min-width:2.4em;text-align:center;border-radius:4px;color:#fff;font-weight:600;background:var(--err)}.score.s1{background:var(--warn)}.score.s2{background:var(--ok)}
.turn{margin:10px 0;padding:8px 12px;border-left:4px solid var(--line);background:#fafbfc}.turn.agent{border-left-color:#7a8aa8}.turn.customer{border-left-color:#c9a227}
.turn .meta{font-size:12px;color:var(--muted)}.turn .text{white-space:pre-wrap;overflow-wrap:anywhere}
mark{padding:0 1px;border-radius:2px}mark.sev-error{background:#ffd6d6;box-shadow:inset 0 -2px var(--err)}mark.sev-warning{background:#ffe9c2;box-shadow:inset 0 -2px var(--warn)}mark.sev-suggestion{background:#dceaff;box-shadow:inset 0 -2px var(--sug)}
ul.fixes{margin:6px 0 0;padding-left:18px;font-size:13px}ul.fixes li{margin:4px 0}ul.fixes .rule{font-family:ui-monospace,monospace;font-weight:600}ul.fixes .principle{color:var(--muted)}
li.sev-error .rule{color:var(--err)}li.sev-warning .rule{color:var(--warn)}li.sev-suggestion .rule{color:var(--sug)}.fix{color:var(--ok)}
table.moves td.bar{width:50%}table.moves td.bar span{display:block;height:12px;background:#2e6fb7;border-radius:2px;min-width:1px}
code{font-family:ui-monospace,monospace;font-size:13px}
@media (max-width:700px){header,main{padding:10px 12px}header h1{font-size:22px}.cards{grid-template-columns:repeat(2,minmax(0,1fr))}
table{display:block;overflow-x:auto;max-width:100%}th,td{padding:4px 6px;font-size:13px}.chart .box{height:220px}.conv{padding:8px 10px}}
@media print{details.conv{break-inside:avoid}details.conv:not([open])>*:not(summary){display:block}}
`;

// Runs in the report page: draws the six charts from the embedded data. The two bar lists name every
// bar (autoSkip off, boxes sized to the bar count): Chart.js otherwise labels every other bar when space
// is short, and a lead cannot tell which rule or agent an unlabelled bar is. Counts drawn charts in
// `window.qaChartsDrawn` so tests (and curious leads) can see rendering finished.
const SCRIPT = `
(function(){
  var d = JSON.parse(document.getElementById('qa-data').textContent);
  var drawn = 0; window.qaChartsDrawn = 0;
  if (!window.Chart) { document.body.classList.add('no-charts'); return; }
  Chart.defaults.animation = false; Chart.defaults.font.family = 'system-ui, sans-serif';
  function draw(id, cfg){ var el = document.getElementById(id); if (!el) return; cfg.options = Object.assign({responsive:true, maintainAspectRatio:false, plugins:{legend:{display: !!cfg.legend}}}, cfg.options||{}); new Chart(el, cfg); drawn++; window.qaChartsDrawn = drawn; }
  var red='#c62828', amber='#b26a00', blue='#2e6fb7', green='#2e7d32', grey='#7a8aa8';
  draw('chart-scores', {type:'bar', data:{labels:d.scores.labels, datasets:[{label:'Conversations', data:d.scores.values, backgroundColor:d.scores.values.map(function(_,i){return i<4?red:i<7?amber:green;})}]}, options:{scales:{y:{beginAtZero:true, title:{display:true,text:'conversations'}}, x:{title:{display:true,text:'playbook score'}}}}});
  draw('chart-agents', {type:'bar', data:{labels:d.agents.labels, datasets:[{label:'Average reply score', data:d.agents.score, backgroundColor:d.agents.score.map(function(v){return v<40?red:v<70?amber:green;})}]}, options:{indexAxis:'y', scales:{y:{ticks:{autoSkip:false}}, x:{min:0, max:100, title:{display:true, text:'average reply score'}}}}});
  draw('chart-rules', {type:'bar', data:{labels:d.rules.labels, datasets:[{label:'Findings', data:d.rules.values, backgroundColor:red}]}, options:{indexAxis:'y', scales:{y:{ticks:{autoSkip:false}}, x:{beginAtZero:true}}}});
  draw('chart-anger', {type:'bar', legend:true, data:{labels:d.anger.labels, datasets:[{label:'Before the agent reply', data:d.anger.before, backgroundColor:amber},{label:'At the customer\\u2019s next message', data:d.anger.after, backgroundColor:blue}]}, options:{scales:{y:{beginAtZero:true, grace:'5%', title:{display:true,text:'replies'}}, x:{title:{display:true,text:'customer anger'}}}}});
  draw('chart-transfers', {type:'bar', data:{labels:d.transfers.labels, datasets:[{label:'Conversations', data:d.transfers.values, backgroundColor:grey}]}, options:{scales:{y:{beginAtZero:true}, x:{title:{display:true,text:'transfers in the conversation'}}}}});
  draw('chart-ack', {type:'bar', data:{labels:d.ack.labels, datasets:[{label:'Upset conversations', data:d.ack.values, backgroundColor:d.ack.labels.map(function(_,i){return i>=5?red:i>=3?amber:green;})}]}, options:{scales:{y:{beginAtZero:true}}}});
})();
`;

/**
 * Renders the report for a finished (or resumed-and-finished) run.
 *
 * @example
 * await writeFile('report.html', await renderReport(totals, { generatedAt: new Date().toISOString(), inputs }));
 */
export async function renderReport(t: QaTotals, meta: ReportMeta): Promise<string> {
  const avg = t.conversations ? Math.round(t.scoreSum / t.conversations) : 0;
  const judged = t.effects.calmed + t.effects.inflamed + t.effects.neutral;
  const period = t.firstAt && t.lastAt ? `${t.firstAt.slice(0, 10)} to ${t.lastAt.slice(0, 10)}` : 'dates unknown';
  const cards: [string, string][] = [
    [fmt(t.conversations), 'conversations scored'],
    [`${avg} / ${medianScore(t) ?? '–'}`, 'average / median score'],
    [pct(t.upset, t.conversations), 'with an upset customer'],
    [fmt(t.findings), `findings (${fmt(t.bySeverity.error ?? 0)} errors)`],
    // A share of the replies the customer answered, not of all replies: most archived replies end the thread.
    [pct(t.effects.calmed, judged), `of ${count(judged, 'reply', 'replies')} the customer answered calmed them`],
    [fmt(t.transfers), 'transfers'],
    [fmt(t.problems.skipped), 'rows skipped (see below)'],
  ];
  const agents = Object.entries(t.byAgent).sort((a, b) => b[1].replies - a[1].replies);
  const rules = Object.entries(t.byRule).sort((a, b) => b[1].count - a[1].count);
  const reasons = Object.entries(t.problems.byReason).sort((a, b) => b[1] - a[1]);
  const chart = (id: string, title: string, note: string, bars = 0): string => `<div class="chart"><h3>${esc(title)}</h3><div class="box"${bars > 10 ? ` style="height:${60 + bars * 22}px"` : ''}><canvas id="${id}" role="img" aria-label="${esc(title)}"></canvas></div><p>${note}</p></div>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title ?? 'Conversation QA report')} · Defuse</title>
<style>${CSS}</style></head>
<body>
<header><div class="muted">Defuse · auto-QA of conversation archives</div><h1>${esc(meta.title ?? 'Conversation QA report')}</h1>
<div class="muted">Generated ${esc(meta.generatedAt.replace('T', ' ').slice(0, 16))} UTC from ${meta.inputs.map((i) => `<code>${esc(basename(i))}</code>`).join(', ')} · conversations from ${esc(period)}</div></header>
<main>
<div class="cards">${cards.map(([n, l]) => `<div class="card"><div class="n">${esc(n)}</div><div class="l">${esc(l)}</div></div>`).join('')}</div>
<section id="takeaways"><h2>What stands out</h2><ul class="takeaways">${takeaways(t).map((s) => `<li>${s}</li>`).join('')}</ul></section>
<section id="charts"><h2>Charts</h2><div class="charts">
${chart('chart-scores', 'Playbook score distribution', 'Each conversation scored 0–100 against the playbook.')}
${chart('chart-agents', 'By agent (most replies first)', 'Average playbook score of each agent’s replies; findings per reply are in the agents table.', Math.min(15, Object.keys(t.byAgent).length))}
${chart('chart-rules', 'Findings by rule', 'Which playbook rules are broken most often.', Math.min(15, Object.keys(t.byRule).length))}
${chart('chart-anger', 'Customer anger before and after agent replies', `${fmt(t.effects.calmed)} replies calmed, ${fmt(t.effects.neutral)} left it unchanged, ${fmt(t.effects.inflamed)} inflamed; ${fmt(t.effects.unknown)} had no later customer message.`)}
${chart('chart-transfers', 'Transfers per conversation', 'The playbook asks the first agent to own the case instead of handing it on (P10).')}
${chart('chart-ack', 'Time to first acknowledgement (upset customers)', 'From the customer’s first message to the first reply that acknowledged how they felt (P1, P2).')}
</div></section>
<section id="moves"><h2>What agents did when the customer was upset</h2><p class="muted">Share of the ${fmt(t.upsetReplied)} conversations with an upset customer and at least one agent reply in which some reply made each move of the playbook.</p>
<table class="moves"><tbody>${MOVES.map(([move, label, principle]) => {
    const n = t.stepsWhenUpset[move] ?? 0;
    const share = t.upsetReplied ? n / t.upsetReplied : 0;
    return `<tr><td>${esc(label)} <span class="muted">(${esc(principle)})</span></td><td class="bar"><span style="width:${Math.round(share * 100)}%"></span></td><td class="num">${pct(n, t.upsetReplied)}</td></tr>`;
  }).join('')}</tbody></table></section>
<section id="agents"><h2>Agents</h2><table tabindex="0" aria-label="Agents"><thead><tr><th>Agent</th><th class="num">Conversations</th><th class="num">Replies</th><th class="num">Avg reply score</th><th class="num">Findings</th><th class="num">Per reply</th><th class="num">Calmed</th><th class="num">Inflamed</th><th class="num">Transfers</th></tr></thead><tbody>
${agents.slice(0, 200).map(([name, a]) => `<tr><td>${esc(name)}</td><td class="num">${fmt(a.conversations)}</td><td class="num">${fmt(a.replies)}</td><td class="num">${Math.round(a.scoreSum / Math.max(1, a.replies))}</td><td class="num">${fmt(a.findings)}</td><td class="num">${(a.findings / Math.max(1, a.replies)).toFixed(1)}</td><td class="num">${fmt(a.calmed)}</td><td class="num">${fmt(a.inflamed)}</td><td class="num">${fmt(a.transfers)}</td></tr>`).join('\n')}
</tbody></table>${agents.length > 200 ? `<p class="muted">${fmt(agents.length - 200)} more agents in conversations.csv.</p>` : ''}</section>
<section id="rules"><h2>Rules</h2><table tabindex="0" aria-label="Rules"><thead><tr><th>Rule</th><th>Principle</th><th>Severity</th><th>Example message</th><th class="num">Findings</th></tr></thead><tbody>
${rules.map(([id, r]) => `<tr><td><code>${esc(id)}</code></td><td>${esc(r.principle)} · ${esc(principleName(r.principle))}</td><td>${esc(r.severity)}</td><td>${esc(r.message)}</td><td class="num">${fmt(r.count)}</td></tr>`).join('\n')}
</tbody></table></section>
<section id="worst"><h2>Lowest-scoring conversations</h2><p class="muted">Flagged words are highlighted (hover for the rule); each reply lists what the playbook would change. Quoted e-mail history, signatures and internal notes were left out before scoring.</p>
${t.worst.length ? t.worst.map(renderWorst).join('\n') : '<p>No conversation had findings.</p>'}</section>
<section id="skipped"><h2>Skipped and repaired input</h2>
<p>${fmt(t.problems.skipped)} rows or records were skipped, ${fmt(t.problems.kept)} were imported with a detail ignored, and ${fmt(t.problems.analysisErrors)} conversations failed analysis. ${fmt(t.excluded.internalNotes)} internal notes and ${fmt(t.excluded.emptyAfterCleaning)} messages that were empty after removing quotes and signatures were left out of scoring. Every problem is listed in <code>problems.csv</code>.</p>
${reasons.length ? `<table><thead><tr><th>Reason</th><th class="num">Count</th></tr></thead><tbody>${reasons.slice(0, 50).map(([r, n]) => `<tr><td>${esc(r)}</td><td class="num">${fmt(n)}</td></tr>`).join('')}</tbody></table>
<h3>First problems</h3><table><thead><tr><th>File</th><th class="num">Line</th><th>Reason</th></tr></thead><tbody>${t.problems.sample.slice(0, 50).map((p) => `<tr><td>${esc(basename(p.file))}</td><td class="num">${p.line}</td><td>${esc(p.reason)}</td></tr>`).join('')}</tbody></table>` : ''}
</section>
</main>
<script type="application/json" id="qa-data">${scriptJson(chartData(t))}</script>
<script>${await chartBundle()}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}

/**
 * The conversation, with each customer sentence marked by its role (venting, issue, request, threat) so
 * the agent can let the venting pass and answer the issue (P1). Role is shown by label and style, not
 * colour alone.
 */
import { analyzeMessage, type MessageAnalysis, type SentenceRole } from '../../../engine/index.ts';
import type { Message } from '../api.ts';
import { h, when } from '../dom.ts';
import { angerMeter } from '../anger.ts';

export const ROLE_LABEL: Record<SentenceRole, string> = {
  venting: 'Venting',
  issue: 'Issue',
  request: 'Request',
  threat: 'Threat',
  other: '',
};

/** The analysis stored with the message, or one computed here with the same engine. */
export function analysisOf(m: Message, customerName?: string): MessageAnalysis {
  return m.analysis && Array.isArray(m.analysis.sentences) ? m.analysis : analyzeMessage(m.body, { customerName });
}

/**
 * How likely the message reads as upset, in words and as the calibrated score (issue 11): "upset 0.90" on a
 * message the team's threshold counts as upset, "calm 0.12" otherwise. Stored analyses from before the score
 * existed show nothing.
 */
function upsetChip(a: MessageAnalysis): HTMLElement | string {
  if (typeof a.upsetScore !== 'number' || !Number.isFinite(a.upsetScore)) return '';
  return h('span', { class: `upset-chip ${a.upset ? 'upset-yes' : 'upset-no'}`, title: 'How likely a careful reader finds this message upset (0–1)' },
    `${a.upset ? 'upset' : 'calm'} ${a.upsetScore.toFixed(2)}`);
}

export function conversationView(messages: Message[], customerName: string, agentName: (m: Message) => string): HTMLElement {
  const legend = h('p', { class: 'role-legend' },
    h('span', { class: 'muted' }, 'Customer sentences: '),
    (['venting', 'issue', 'request', 'threat'] as SentenceRole[]).map((r) => h('span', { class: `role-tag role-${r}` }, ROLE_LABEL[r])));
  // A scrolling region: focusable so it scrolls by keyboard too, and opened at the newest message (the one
  // the agent is answering); scrolled to the top, a long case showed its first messages and a reply cut off.
  const list = h('ol', { class: 'messages', 'aria-label': 'Conversation', tabindex: 0 }, messages.map((m) => {
    if (m.direction === 'outbound') {
      return h('li', { class: 'msg msg-out' },
        h('div', { class: 'msg-meta' }, h('strong', {}, agentName(m)), ' · ', h('time', { datetime: m.createdAt }, when(m.createdAt))),
        h('p', { class: 'msg-body' }, m.body));
    }
    const a = analysisOf(m, customerName);
    return h('li', { class: 'msg msg-in', 'data-anger': Number.isFinite(a.anger) ? a.anger.toFixed(2) : '' },
      h('div', { class: 'msg-meta' }, h('strong', {}, customerName), ' · ', h('time', { datetime: m.createdAt }, when(m.createdAt)), ' ', angerMeter(a.anger), ' ', upsetChip(a)),
      sentenceBody(m.body, a));
  }));
  requestAnimationFrame(() => {
    list.scrollTop = list.scrollHeight;
  });
  return h('div', { class: 'conversation' }, legend, list);
}

/** The message text with sentences wrapped by role; the gaps between sentences are kept verbatim. */
function sentenceBody(body: string, a: MessageAnalysis): HTMLElement {
  const p = h('p', { class: 'msg-body' });
  let at = 0;
  const sentences = [...a.sentences].filter((s) => s.range[0] >= 0 && s.range[1] <= body.length).sort((x, y) => x.range[0] - y.range[0]);
  for (const s of sentences) {
    if (s.range[0] < at) continue;
    if (s.range[0] > at) p.append(body.slice(at, s.range[0]));
    const text = body.slice(s.range[0], s.range[1]);
    if (s.role === 'other') {
      p.append(text);
    } else {
      p.append(h('span', { class: `sentence role-${s.role}`, title: ROLE_LABEL[s.role] },
        h('span', { class: 'visually-hidden' }, `${ROLE_LABEL[s.role]}: `), text));
    }
    at = s.range[1];
  }
  if (at < body.length) p.append(body.slice(at));
  return p;
}

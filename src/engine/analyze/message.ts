import { splitSentences } from '../text/sentences.ts';
import type { Evidence, MessageAnalysis, MessageContext, SentenceAnalysis } from '../types.ts';

// First cut of the customer reading; the full cue tables and the trained model replace the scoring here
// behind the same signature.
const ANGRY = /(?<![\p{L}])(?:angry|furious|ridiculous|unacceptable|disgusting|outrageous|terrible|awful|worst|useless|pathetic|joke|scam|livid|fed up|sick of|frustrat\w*|annoy\w*|disappoint\w*|upset)(?![\p{L}])/giu;

/**
 * Reads a customer's message: anger, upset, sentence roles, issues, needs, signals and name.
 *
 * @example
 * analyzeMessage('This is ridiculous, I was charged twice!').upset // true
 */
export function analyzeMessage(text: string, context: MessageContext = {}): MessageAnalysis {
  const safe = typeof text === 'string' ? text : '';
  const sentences = splitSentences(safe);
  const angerEvidence: Evidence[] = [];
  for (const m of safe.matchAll(ANGRY)) {
    const start = m.index ?? 0;
    angerEvidence.push({ range: [start, start + m[0].length], text: m[0] });
  }
  const anger = Math.min(1, angerEvidence.length * 0.25);
  const analysed: SentenceAnalysis[] = sentences.map((s) => ({ ...s, role: 'other', anger: 0 }));
  return {
    anger,
    upset: anger > 0,
    sentiment: -anger,
    angerEvidence,
    sentences: analysed,
    issues: [],
    needs: [],
    signals: [],
    name: context.customerName ? { value: context.customerName, source: 'context' } : undefined,
    emotions: {},
  };
}

/**
 * Shared vocabulary of the engine. Every location is a half-open `[start, end)` range of UTF-16 code units
 * into the text it came from; line/column exist only in formatters.
 */

/** `[start, end)` in UTF-16 code units. */
export type Range = readonly [number, number];

/** Principle ids from `shared/PLAYBOOK.md`. */
export type PrincipleId =
  | 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8' | 'P9' | 'P10'
  | 'P11' | 'P12' | 'P13' | 'P14' | 'P15' | 'P16' | 'P17' | 'P18' | 'P19' | 'P20';

export const PRINCIPLES: Record<PrincipleId, string> = {
  P1: 'Emotion first, then the issue',
  P2: 'Acknowledge the anger and offer help',
  P3: 'Stay calm; never escalate',
  P4: 'Apologize specifically',
  P5: "Use the customer's name",
  P6: 'Be genuine and on their side',
  P7: "Don't argue or correct",
  P8: "Don't get defensive",
  P9: 'No blame game',
  P10: 'Own it: no transfers',
  P11: 'Keep it simple for the customer',
  P12: 'Ask what they want',
  P13: 'Be flexible with options',
  P14: 'Reframe refusals',
  P15: 'Human, not corporate',
  P16: 'Summarize the resolution',
  P17: 'Follow up',
  P18: 'Value the relationship',
  P19: 'Relay process gaps',
  P20: 'Answer reviews positively',
};

export type Severity = 'error' | 'warning' | 'suggestion';

export interface Fix {
  range: Range;
  text: string;
}

export interface Suggestion {
  message: string;
  fix: Fix;
}

export interface Finding {
  ruleId: string;
  principle: PrincipleId;
  severity: Severity;
  messageId: string;
  /** Short: what is wrong. */
  message: string;
  /** Why it matters, citing the playbook. */
  note: string;
  range: Range;
  suggestions: Suggestion[];
}

/** A sentence of a text with its span. */
export interface Sentence {
  text: string;
  range: Range;
}

export type SentenceRole = 'venting' | 'issue' | 'request' | 'threat' | 'other';

export type IssueCategory =
  | 'delivery'
  | 'defect'
  | 'billing'
  | 'refund'
  | 'account'
  | 'service'
  | 'transfer'
  | 'policy';

export type Need = 'timing' | 'financial' | 'replacement' | 'information' | 'acknowledgement' | 'escalation';

export type SignalKind =
  | 'churn'
  | 'review'
  | 'legal'
  | 'repeat-contact'
  | 'transferred'
  | 'loyalty'
  | 'deadline'
  | 'abuse';

/** The reply moves of the playbook, detected in agent text. */
export type Move =
  | 'acknowledge'
  | 'apologize'
  | 'empathize'
  | 'own'
  | 'ask'
  /** A question or specific request for information ("which model is it?"), apart from `ask` (what would make it right). */
  | 'ask-details'
  | 'offer'
  | 'reassure'
  | 'summarize'
  | 'follow-up'
  | 'name'
  | 'loyalty';

export interface Evidence {
  range: Range;
  text: string;
}

export interface IssueFinding {
  category: IssueCategory;
  /** The key phrase naming the issue, e.g. "charged twice". */
  phrase: string;
  range: Range;
  /** How an agent can name it back, e.g. "the double charge" ("I apologize for the double charge"). */
  label?: string;
}

export interface NeedFinding {
  need: Need;
  evidence: Evidence[];
}

export interface Signal {
  kind: SignalKind;
  evidence: Evidence;
  /** Loyalty: tenure in years when stated; repeat contact: count when stated. */
  value?: number;
}

export interface SentenceAnalysis extends Sentence {
  role: SentenceRole;
  anger: number;
}

export interface EmotionScores {
  /** Probabilities for the 28 GoEmotions labels, when the model is loaded. */
  labels?: Record<string, number>;
  /** Ekman groups: anger, disgust, fear, joy, sadness, surprise, neutral. */
  ekman?: Record<string, number>;
}

/** What the engine reads from a customer's message. */
export interface MessageAnalysis {
  /** 0 calm … 1 irate. */
  anger: number;
  /** Dissatisfied enough to need de-escalation, even when polite: `upsetScore` at or above the model's threshold. */
  upset: boolean;
  /**
   * How likely a reader would call this message upset, 0 … 1 (the calibrated second stage). Rank an
   * archive by it, or set a team's own cut-off instead of `upset`.
   */
  upsetScore: number;
  /** -1 … 1. */
  sentiment: number;
  /** Spans that drove the anger score. */
  angerEvidence: Evidence[];
  /** Spans that make the message upset even when calm: waiting, no answer, the issues, threats. */
  upsetEvidence?: Evidence[];
  sentences: SentenceAnalysis[];
  issues: IssueFinding[];
  needs: NeedFinding[];
  signals: Signal[];
  name?: { value: string; range?: Range; source: 'message' | 'context' };
  emotions: EmotionScores;
}

export interface MessageContext {
  /** Customer name known from the CRM, used when the message does not give one. */
  customerName?: string;
  /**
   * `upset` is `upsetScore ≥ upsetThreshold` (0–1). Default: the shipped stage's threshold, chosen on the labelled
   * sets for balanced F1; a team that wants fewer or more messages flagged sets its own (`.defuserc.json`, the desk's
   * `UPSET_THRESHOLD`).
   */
  upsetThreshold?: number;
}

export type Phase =
  | 'listen'
  | 'acknowledge'
  | 'apologize'
  | 'ask'
  | 'offer'
  | 'agree'
  | 'summarize'
  | 'follow-up';

/** A remedy from the company's catalogue that the agent may offer. */
export interface OptionOffer {
  id: string;
  label: string;
  /** Which need it serves. */
  need: Need;
  /** Wording the composer may use, e.g. "a 15% discount on your next order". */
  phrase?: string;
}

export type ReplyChannel = 'private' | 'public-review';

/** Everything a rule may know about the situation a draft answers. */
export interface ReplyContext {
  /** The customer's message (analysed on demand) or its analysis. */
  customerMessage?: string;
  analysis?: MessageAnalysis;
  /** Read the customer's message as upset from this upsetScore on (see `MessageContext`); ignored when `analysis` is given. */
  upsetThreshold?: number;
  customerName?: string;
  agentName?: string;
  companyName?: string;
  phase?: Phase;
  /** Short description of the known issue ("the double charge on your card"). */
  issue?: string;
  options?: OptionOffer[];
  /** Customer tenure in years, from the CRM. */
  tenureYears?: number;
  /** True when the CRM marks the customer as high value. */
  highValue?: boolean;
  channel?: ReplyChannel;
  /** Things the customer already gave (order number, e-mail…), so the reply doesn't ask again. */
  alreadyProvided?: string[];
  /** How many times the agent has already said no in this conversation. */
  refusals?: number;
}

/** A reply context after the engine resolved the analysis; what rules receive. */
export interface ResolvedContext extends ReplyContext {
  analysis: MessageAnalysis;
  /** Anger of the customer, 0 when there is no customer message. */
  anger: number;
  upset: boolean;
  /** Name to use in the reply: context name, else the one the message gave. */
  name?: string;
  channel: ReplyChannel;
}

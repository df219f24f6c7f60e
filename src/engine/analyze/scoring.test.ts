import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cue, ScoringInput } from './evidence.ts';
import { extractCues } from './cues.ts';
import { isQuestion, scoreMessage, scoringFeatures, STAGE_FEATURES } from './scoring.ts';
import { splitSentences } from '../text/sentences.ts';
import { CUSTOMER_STAGE } from '../../../models/customer-stage.model.ts';
import { loadEmotionModel } from '../model/emotion.ts';

function cue(kind: Cue['kind'], weight: number, text = 'x', sentence = 0): Cue {
  return { kind, weight, text, range: [0, text.length], sentence };
}

/** The input the analyzer builds: sentences and the real cue tables. */
function input(text: string): ScoringInput {
  const sentences = splitSentences(text);
  return { sentences, cues: extractCues(text, sentences), signals: [] };
}
const score = (text: string) => scoreMessage(text, input(text));

describe('scoreMessage (emotion model + cues, second stage)', () => {
  it('keeps every output in range', () => {
    for (const text of ['', 'Hi', 'WHERE IS MY ORDER?!?!', 'Thanks a lot!', '😡😡😡', 'a'.repeat(3000)]) {
      const r = score(text);
      assert.ok(r.anger >= 0 && r.anger <= 1, `${text}: anger ${r.anger}`);
      assert.ok(r.upsetProbability >= 0 && r.upsetProbability <= 1);
      assert.ok(r.sentiment >= -1 && r.sentiment <= 1);
      assert.equal(r.upset, r.upsetProbability >= CUSTOMER_STAGE.upset.threshold);
      assert.equal(Object.keys(r.emotions.labels ?? {}).length, 28);
      assert.equal(Object.keys(r.emotions.ekman ?? {}).length, 7);
    }
  });

  it("reports the model's own emotion probabilities, read whenever the caller asks", () => {
    const furious = score('I am absolutely furious, this is the worst service ever');
    const grateful = score('Thank you so much, you saved my day!');
    // Read the first result's emotions after the second analysis ran: its values must still be its own.
    const p = loadEmotionModel().predict('I am absolutely furious, this is the worst service ever');
    assert.equal(furious.emotions.labels?.anger, Math.round(p.labels.anger * 1000) / 1000);
    assert.equal(furious.emotions.ekman?.joy, Math.round(p.ekman.joy * 1000) / 1000);
    assert.ok((furious.emotions.ekman?.anger ?? 0) > (grateful.emotions.ekman?.anger ?? 1));
    assert.ok((grateful.emotions.labels?.gratitude ?? 0) > 0.5);
    // Serializing (the HTTP API, `defuse analyze --json`) carries them too.
    const json = JSON.parse(JSON.stringify(grateful)) as { emotions: { labels: Record<string, number> } };
    assert.equal(json.emotions.labels.gratitude, grateful.emotions.labels?.gratitude);
  });

  it('reads a calm question or a thank-you as not upset, not angry', () => {
    for (const text of ['How do I change the e-mail address on my account?', 'Thank you so much, that fixed it!']) {
      const r = score(text);
      assert.equal(r.upset, false, text);
      assert.ok(r.anger < 0.15, `${text}: ${r.anger}`);
    }
    assert.ok(score('Thank you so much, that fixed it!').sentiment > 0.3);
  });

  it('marks polite dissatisfaction upset with low anger', () => {
    const r = score("I've been waiting two weeks for my refund, could you please check?");
    assert.equal(r.upset, true);
    assert.ok(r.anger < 0.35, String(r.anger));
    assert.ok(r.sentiment < 0);
  });

  it('orders anger like a reader would: calm < irritated < furious', () => {
    const calm = score('Could you tell me when my parcel will arrive?').anger;
    const irritated = score('Still no reply to my ticket, this is getting frustrating.').anger;
    const furious = score('This is RIDICULOUS!!! Worst company ever, you are useless and I am furious!').anger;
    assert.ok(calm < irritated && irritated < furious, `${calm} ${irritated} ${furious}`);
    assert.ok(furious > 0.5, String(furious));
  });

  it('hears sarcasm and negation through the cues and the model', () => {
    assert.equal(score('Great, another week without internet. Thanks for nothing.').upset, true);
    assert.ok(score('I am not happy at all with this.').upsetProbability > score('I am happy with this.').upsetProbability);
  });

  it('is monotone in the cues: more and stronger anger cues, more anger for the same words', () => {
    const sentences = splitSentences('One. Two.');
    const at = (cues: Cue[]) => scoreMessage('One. Two.', { sentences, cues, signals: [] }).anger;
    const none = at([]);
    const one = at([cue('anger', 0.35, 'frustrating')]);
    const strong = at([cue('anger', 0.7, 'furious')]);
    const two = at([cue('anger', 0.7, 'furious'), cue('exclaim', 0.25, '!!!')]);
    assert.ok(none < one && one < strong && strong < two && two <= 1, `${none} ${one} ${strong} ${two}`);
  });

  it('caps what shouting and exclamation marks can add', () => {
    const sentences = splitSentences('One. Two.');
    const many = Array.from({ length: 1000 }, (_, i) => cue('exclaim', 0.25, '!'.repeat(i + 2)));
    const few = Array.from({ length: 3 }, (_, i) => cue('exclaim', 0.25, '!'.repeat(i + 2)));
    const a = scoreMessage('One. Two.', { sentences, cues: many, signals: [] }).anger;
    const b = scoreMessage('One. Two.', { sentences, cues: few, signals: [] }).anger;
    assert.equal(a, b);
  });

  it('puts anger on the sentence that carries it', () => {
    const r = score('Hello, I have a question about my order. This is absolutely ridiculous and I am furious!');
    assert.equal(r.sentenceAnger.length, 2);
    assert.ok(r.sentenceAnger[1] > r.sentenceAnger[0] + 0.2, r.sentenceAnger.join(' '));
  });

  it('treats a threat to leave as upset even without angry words', () => {
    const text = 'Please close my account.';
    const sentences = splitSentences(text);
    const signals = [{ kind: 'churn' as const, evidence: { range: [7, 23] as const, text: 'close my account' } }];
    const withSignal = scoreMessage(text, { sentences, cues: [], signals });
    const without = scoreMessage(text, { sentences, cues: [], signals: [] });
    assert.ok(withSignal.upsetProbability > without.upsetProbability);
    assert.equal(withSignal.upset, true);
    assert.ok(withSignal.anger > without.anger);
  });

  it('exposes the second-stage features in their documented order', () => {
    const f = scoringFeatures('Still waiting!!', input('Still waiting!!'));
    assert.equal(f.length, STAGE_FEATURES.length);
    assert.deepEqual(CUSTOMER_STAGE.features, [...STAGE_FEATURES]);
    assert.ok(f.every(Number.isFinite));
  });

  it('is deterministic', () => {
    const text = 'Why was I charged twice?? Nobody answers the phone.';
    assert.deepEqual(score(text), score(text));
  });

  it('tells a sentence that asks from one that states', () => {
    for (const q of ['How do I change my PIN?', 'Why was my card declined', 'can I get a refund', 'Is the server down?!', 'Where is my order? 😡', 'What is this charge?)']) {
      assert.equal(isQuestion(q), true, q);
    }
    for (const s of ['I was charged twice.', 'Why, this is ridiculous!', 'Fix this now', 'My card is blocked']) assert.equal(isQuestion(s), false, s);
    const x = (t: string) => scoringFeatures(t, input(t))[STAGE_FEATURES.indexOf('question')];
    assert.equal(x('How do I change my PIN?'), 1);
    assert.equal(x('My card is blocked. How do I unblock it?'), 0.5);
    assert.equal(x('My card is blocked.'), 0);
  });
});

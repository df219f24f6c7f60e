import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cue } from './evidence.ts';
import { scoreMessage } from './scoring.ts';
import { splitSentences } from '../text/sentences.ts';

function cue(kind: Cue['kind'], weight: number, text = 'x', sentence = 0): Cue {
  return { kind, weight, text, range: [0, text.length], sentence };
}

describe('scoreMessage (lexicon scoring)', () => {
  const sentences = splitSentences('One. Two.');
  it('is calm and neutral without cues', () => {
    const r = scoreMessage('One. Two.', { sentences, cues: [], signals: [] });
    assert.equal(r.anger, 0);
    assert.equal(r.upset, false);
    assert.equal(r.sentiment, 0);
    assert.equal(r.sentenceAnger.length, 2);
  });
  it('is monotone: more and stronger anger cues score higher', () => {
    const one = scoreMessage('', { sentences, cues: [cue('anger', 0.35, 'frustrating')], signals: [] }).anger;
    const strong = scoreMessage('', { sentences, cues: [cue('anger', 0.7, 'furious')], signals: [] }).anger;
    const two = scoreMessage('', { sentences, cues: [cue('anger', 0.7, 'furious'), cue('exclaim', 0.25, '!!!')], signals: [] }).anger;
    assert.ok(one > 0 && one < strong && strong < two && two < 1, `${one} ${strong} ${two}`);
  });
  it('lets repeats of the same word add less each time', () => {
    const once = scoreMessage('', { sentences, cues: [cue('anger', 0.45, 'ridiculous')], signals: [] }).anger;
    const many = scoreMessage('', { sentences, cues: Array.from({ length: 10 }, () => cue('anger', 0.45, 'ridiculous')), signals: [] }).anger;
    assert.ok(many > once && many < 0.7, `${once} ${many}`);
  });
  it('caps what shouting and exclamation marks can add', () => {
    const r = scoreMessage('', { sentences, cues: Array.from({ length: 1000 }, (_, i) => cue('exclaim', 0.25, '!'.repeat(i + 2))), signals: [] });
    assert.ok(r.anger < 0.5, String(r.anger));
  });
  it('marks polite dissatisfaction upset with low anger', () => {
    const r = scoreMessage('', { sentences, cues: [cue('complaint', 0.35, 'waiting two weeks'), cue('positive', 0.2, 'thanks', 1)], signals: [] });
    assert.equal(r.upset, true);
    assert.ok(r.anger < 0.2, String(r.anger));
  });
  it('puts anger on the sentence that carries it', () => {
    const r = scoreMessage('', { sentences, cues: [cue('anger', 0.7, 'furious', 1)], signals: [] });
    assert.equal(r.sentenceAnger[0], 0);
    assert.ok(r.sentenceAnger[1] > 0.5);
  });
  it('treats a legal threat as upset even without angry words', () => {
    const r = scoreMessage('', { sentences, cues: [], signals: [{ kind: 'legal', evidence: { range: [5, 8], text: 'Two' } }] });
    assert.equal(r.upset, true);
    assert.ok(r.anger > 0);
    assert.ok(r.sentenceAnger[1] > 0);
  });
});

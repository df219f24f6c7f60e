import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMOTION_MODEL } from '../../../models/emotion.model.ts';
import { decodeBase64Int8, EKMAN_GROUPS, EmotionModel, GO_LABELS, HEADS, loadEmotionModel, sigmoid } from './emotion.ts';

const ANGRY = 'This is absolutely ridiculous. I am furious with your useless service, worst company ever!!!';
const CALM = 'Thank you so much, that was really helpful. Have a nice day.';

describe('shipped emotion model', () => {
  const model = loadEmotionModel();

  it('loads the artefact with every head and a weight row per bucket', () => {
    assert.deepEqual(model.heads, HEADS);
    assert.equal(HEADS.length, 28 + 7 + 1);
    assert.equal(decodeBase64Int8(EMOTION_MODEL.weights).length, (1 << EMOTION_MODEL.bits) * HEADS.length);
    assert.match(EMOTION_MODEL.version, /^\d+\.\d+\.\d+$/);
    assert.equal(EMOTION_MODEL.thresholds.length, HEADS.length);
  });

  it('returns probabilities in [0, 1] for all 28 labels and 7 Ekman groups', () => {
    for (const text of [ANGRY, CALM, '', '🙂', 'x'.repeat(5000)]) {
      const p = model.predict(text);
      assert.deepEqual(Object.keys(p.labels), [...GO_LABELS]);
      assert.deepEqual(Object.keys(p.ekman), Object.keys(EKMAN_GROUPS));
      for (const v of [...Object.values(p.labels), ...Object.values(p.ekman), p.negative]) {
        assert.ok(v >= 0 && v <= 1 && Number.isFinite(v), `${text.slice(0, 20)}: ${v}`);
      }
    }
  });

  it('scores obviously angry text above calm text', () => {
    const a = model.predict(ANGRY);
    const c = model.predict(CALM);
    assert.ok(a.ekman.anger > 0.5, `angry ${a.ekman.anger}`);
    assert.ok(c.ekman.anger < 0.1, `calm ${c.ekman.anger}`);
    assert.ok(a.negative > c.negative);
    assert.ok(c.ekman.joy > a.ekman.joy);
    assert.ok(c.labels.gratitude > 0.5);
    assert.ok(model.predict('I am not happy at all').negative > model.predict('I am happy').negative, 'negation');
  });

  it('is deterministic: same text, same numbers, whatever ran in between', () => {
    const first = model.predict(ANGRY);
    model.predict(CALM.repeat(40));
    assert.deepEqual(model.predict(ANGRY), first);
    assert.deepEqual(new EmotionModel(EMOTION_MODEL).predict(ANGRY), first);
  });

  it('computes a subset of heads exactly as the full pass does', () => {
    const heads = Int32Array.of(model.headIndex('negative'), model.headIndex('ekman:anger'), 0);
    const full = model.logits(ANGRY, new Float64Array(HEADS.length));
    const some = model.logitsOf(ANGRY, heads, new Float64Array(3));
    assert.deepEqual(Array.from(some), Array.from(heads, (h) => full[h]));
    // Another list, and the first again in a new array: each answers for its own heads.
    const other = Int32Array.of(model.headIndex('joy'), model.headIndex('neutral'));
    assert.deepEqual(Array.from(model.logitsOf(ANGRY, other, new Float64Array(2))), Array.from(other, (h) => full[h]));
    assert.deepEqual(Array.from(model.logitsOf(ANGRY, Int32Array.from(heads), new Float64Array(3))), Array.from(some));
  });

  it('scores a 1,000-character message well inside the engine budget', () => {
    const text = `${ANGRY} ${CALM} I have been waiting two weeks for my refund. `.repeat(6).slice(0, 1000);
    const out = new Float64Array(HEADS.length);
    for (let i = 0; i < 200; i++) model.logits(text, out); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      model.logits(text, out);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // The model may use at most half of the 1 ms budget of analyzeMessage + checkReply (median, shared CI).
    assert.ok(times[250] < 0.5, `median ${times[250].toFixed(3)} ms`);
  });
});

describe('model plumbing', () => {
  it('decodes base64 into signed bytes', () => {
    assert.deepEqual(Array.from(decodeBase64Int8(btoa(String.fromCharCode(0xff, 0x80, 0x7f, 0)))), [-1, -128, 127, 0]);
  });

  it('rejects an artefact whose weights do not match its shape', () => {
    assert.throws(() => new EmotionModel({ ...EMOTION_MODEL, bits: EMOTION_MODEL.bits + 1 }), /expected \d+ weights/);
    assert.throws(() => new EmotionModel({ ...EMOTION_MODEL, bias: [] }), /lengths differ/);
  });

  it('computes a stable sigmoid', () => {
    assert.equal(sigmoid(0), 0.5);
    assert.ok(sigmoid(-1000) >= 0 && sigmoid(1000) <= 1);
    assert.ok(Math.abs(sigmoid(2) + sigmoid(-2) - 1) < 1e-12);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFeatureBuffer, extractFeatures, hashString, mix, type FeatureOptions } from './features.ts';
import { splitSentences } from '../text/sentences.ts';

const WORDS_ONLY: FeatureOptions = { bits: 20, charWeight: 0 };

/** The set of bucket indices a text touches. */
function buckets(text: string, opts: FeatureOptions = WORDS_ONLY): Set<number> {
  const buf = createFeatureBuffer(4);
  const n = extractFeatures(text, buf, opts);
  return new Set(Array.from(buf.idx.subarray(0, n)));
}

/** Buckets of `text` that `other` does not have. */
function minus(text: string, other: string): number[] {
  const b = buckets(other);
  return [...buckets(text)].filter((i) => !b.has(i));
}

describe('hashed features', () => {
  it('hashes case-insensitively and deterministically (FNV-1a)', () => {
    assert.equal(hashString('Happy'), hashString('happy'));
    assert.notEqual(hashString('happy'), hashString('happier'));
    // FNV-1a 32-bit of "a" is 0xe40c292c (published test vector).
    assert.equal(hashString('a'), 0xe40c292c);
    assert.equal(mix(0), 0);
  });

  it('treats straight and curly apostrophes and their absence alike', () => {
    const plain = [...buckets('I dont like it')].sort();
    assert.deepEqual([...buckets("I don't like it")].sort(), plain);
    assert.deepEqual([...buckets('I don’t like it')].sort(), plain);
  });

  it('gives negated words their own features inside the negation scope only', () => {
    // The unigram "happy" is the one bucket "happy" and "so happy" share.
    const soHappy = buckets('so happy');
    const unigramHappy = [...buckets('happy')].filter((i) => soHappy.has(i));
    assert.equal(unigramHappy.length, 1);
    assert.ok(!buckets('not happy').has(unigramHappy[0]), 'plain "happy" must not fire after "not"');
    assert.ok(!buckets("I don't feel happy").has(unigramHappy[0]), 'nor after a contraction');
    // Punctuation and "but" close the scope: "happy" is plain again.
    assert.ok(buckets('not bad, happy').has(unigramHappy[0]));
    assert.ok(buckets('not bad but happy').has(unigramHappy[0]));
    // The scope lasts three words.
    assert.ok(!buckets('not at all happy').has(unigramHappy[0]));
    assert.ok(buckets('not at all really happy').has(unigramHappy[0]));
  });

  it('maps every URL, mention and number to one placeholder each', () => {
    assert.deepEqual([...buckets('@AcmeHelp order 12345 https://a.example/x')].sort(), [...buckets('@Other order 999 http://b.example')].sort());
  });

  it('adds punctuation, caps and emoji cues', () => {
    assert.ok(minus('this is bad!!!', 'this is bad').length >= 2, '"!" and "!!!" cues');
    assert.ok(minus('THIS IS BAD', 'this is bad').length >= 1, 'caps cue');
    assert.ok(minus('ok 😡', 'ok 🙂').length >= 1, 'each emoji is its own token');
    assert.ok(minus('sooo slow', 'so slow').length >= 1, 'elongation');
  });

  it('keeps every index inside the bucket range and scales families by 1/sqrt(count)', () => {
    const opts = { bits: 12, charWeight: 1 };
    const buf = createFeatureBuffer(2); // forces regrowth
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const n = extractFeatures(long, buf, opts);
    assert.ok(n > 1000);
    for (let i = 0; i < n; i++) assert.ok(buf.idx[i] >= 0 && buf.idx[i] < 4096);
    // Word family of a 1-word text has value 1; of a 4-word text 1/2 each.
    const one = createFeatureBuffer();
    extractFeatures('refund', one, WORDS_ONLY);
    assert.equal(one.val[0], 1);
    const four = createFeatureBuffer();
    extractFeatures('where is my refund', four, WORDS_ONLY);
    assert.equal(four.val[0], 0.5);
  });

  it('counts a feature once per text, so repetition cannot push a score to the rails', () => {
    const opts = { bits: 16, charWeight: 1 };
    const twice = createFeatureBuffer();
    const n2 = extractFeatures('bad bad', twice, opts);
    const many = createFeatureBuffer();
    const n1000 = extractFeatures('bad '.repeat(1000), many, opts);
    assert.equal(n1000, n2);
    assert.deepEqual(Array.from(many.val.subarray(0, n1000)), Array.from(twice.val.subarray(0, n2)));
    assert.ok(extractFeatures('a'.repeat(100_000), many, opts) < 20);
  });

  it('returns the same features for the same text, whatever came before', () => {
    const buf = createFeatureBuffer();
    const n1 = extractFeatures('Still waiting for my parcel!', buf, { bits: 16, charWeight: 1 });
    const first = Array.from(buf.idx.subarray(0, n1));
    extractFeatures('something else entirely, much longer '.repeat(50), buf, { bits: 16, charWeight: 1 });
    const n2 = extractFeatures('Still waiting for my parcel!', buf, { bits: 16, charWeight: 1 });
    assert.deepEqual(Array.from(buf.idx.subarray(0, n2)), first);
  });

  it('handles empty and odd input without throwing', () => {
    const buf = createFeatureBuffer();
    assert.equal(extractFeatures('', buf, WORDS_ONLY), 0);
    assert.ok(extractFeatures('\ud83d', buf, WORDS_ONLY) >= 0); // lone surrogate
    assert.ok(extractFeatures('!!!???', buf, WORDS_ONLY) > 0);
  });
});

describe('character n-grams', () => {
  const WITH_CHARS: FeatureOptions = { bits: 20, charWeight: 1 };
  const NS_CHAR = hashString('C');
  /** The 3–5-grams of '<word>' hashed from scratch, as the feature scheme defines them. */
  function expectedGrams(words: string[]): Set<number> {
    const out = new Set<number>();
    for (const w of words) {
      const marked = `<${w}>`;
      for (let a = 0; a < marked.length; a++) {
        for (let n = 3; n <= 5 && a + n <= marked.length; n++) out.add(mix(hashString(marked.slice(a, a + n), NS_CHAR)) & ((1 << 20) - 1));
      }
    }
    return out;
  }
  function gramsOf(text: string): Set<number> {
    const wordsOnly = buckets(text);
    return new Set([...buckets(text, WITH_CHARS)].filter((i) => !wordsOnly.has(i)));
  }
  const sentence = "Refunds, REFUND and refund: don't wait, internationalisationally-long words too";
  const words = ['refunds', 'refund', 'and', 'refund', "don't", 'wait', 'internationalisationally', 'long', 'words', 'too'];

  it('are the 3-5-grams of each marked word, a repeated word counted once', () => {
    const wordsOnly = buckets(sentence);
    const expected = [...expectedGrams(words)].filter((i) => !wordsOnly.has(i)).sort();
    assert.deepEqual([...gramsOf(sentence)].sort(), expected);
    assert.deepEqual([...gramsOf('I a')].sort(), [...expectedGrams(['i', 'a'])].filter((i) => !buckets('I a').has(i)).sort());
  });

  it('do not depend on what was scanned before', () => {
    const before = [...gramsOf(sentence)].sort();
    let junk = '';
    for (let i = 0; i < 9000; i++) junk += ` w${i.toString(36)}x refumds dont'`;
    gramsOf(junk);
    assert.deepEqual([...gramsOf(sentence)].sort(), before);
    assert.deepEqual([...gramsOf('Refumds')].sort(), [...expectedGrams(['refumds'])].filter((i) => !buckets('Refumds').has(i)).sort());
  });

  it('of a sentence read from the message just scanned are those of the sentence alone', () => {
    const opts: FeatureOptions = { bits: 16, charWeight: 1.5 };
    const snapshot = (text: string, within?: { text: string; offset: number }) => {
      const buf = createFeatureBuffer(4);
      const n = extractFeatures(text, buf, opts, within);
      return [Array.from(buf.idx.subarray(0, n)), Array.from(buf.val.subarray(0, n))];
    };
    const messages = [
      "I can't log in!! Tried again. Still NOTHING, see https://example.com/a.B now. Don’t care… 😡 ok",
      'Refund refund REFUND. Where is it?\nSecond line here; third: done',
      'a. b. c',
    ];
    for (const message of messages) {
      const sentences = splitSentences(message);
      const alone = sentences.map((x) => snapshot(x.text));
      snapshot(message); // the pass the sentences read from
      sentences.forEach((x, i) => assert.deepEqual(snapshot(x.text, { text: message, offset: x.range[0] }), alone[i], x.text));
      // Told the wrong text (another was scanned last), it works the n-grams out itself.
      snapshot('something else entirely');
      sentences.forEach((x, i) => assert.deepEqual(snapshot(x.text, { text: message, offset: x.range[0] }), alone[i], x.text));
    }
  });
});

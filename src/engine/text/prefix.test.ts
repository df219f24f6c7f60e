import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowsOpening, allowsQuad, openingPairs, openingQuads, packQuad } from './prefix.ts';

const opens = (source: string, pair: string) => {
  const map = openingPairs(source);
  assert.ok(map, `reads ${source}`);
  return allowsOpening(map, pair.charCodeAt(0), pair.length > 1 ? pair.charCodeAt(1) : 0);
};

describe('openingPairs', () => {
  it('allows the openings of each alternative and nothing else', () => {
    assert.equal(opens('calm down|relax', 'ca'), true);
    assert.equal(opens('calm down|relax', 're'), true);
    assert.equal(opens('calm down|relax', 'co'), false);
    assert.equal(opens('calm down|relax', 'al'), false);
  });

  it('follows optional and repeated parts into what comes next', () => {
    assert.equal(opens("(?:oh )?great", 'gr'), true);
    assert.equal(opens("(?:oh )?great", 'oh'), true);
    assert.equal(opens("(?:oh )?great", 'ho'), false);
    assert.equal(opens('a?b*c', 'bc'), true);
    assert.equal(opens('a?b*c', 'bb'), true);
    assert.equal(opens('a?b*c', 'ac'), true);
    assert.equal(opens('a?b*c', 'cb'), true); // "c" alone is a match; whatever follows is allowed
    assert.equal(opens('a?b*c', 'ba'), false);
    assert.equal(opens('x{2,3}y', 'xx'), true);
    assert.equal(opens('x{2,3}y', 'xy'), false);
  });

  it('reads classes, escapes and lookarounds', () => {
    assert.equal(opens('[a-c]d', 'bd'), true);
    assert.equal(opens('[a-c]d', 'dd'), false);
    assert.equal(opens('\\d+ days', '3 '), true);
    assert.equal(opens('\\d+ days', 'da'), false);
    assert.equal(opens("i['’]m sorry", "i'"), true);
    assert.equal(opens("i['’]m sorry", 'i\u2019'), true);
    assert.equal(opens('(?<![\\p{L}])(?:no)(?![\\p{L}])', 'no'), true);
    assert.equal(opens('(?<![\\p{L}])(?:no)(?![\\p{L}])', 'on'), false);
    assert.equal(opens('\\p{L}x', 'éx'), true); // every character of 128 and above counts as one
    assert.equal(opens('[^a]b', 'zb'), true);
    assert.equal(opens('\\$\\d', '$1'), true);
    assert.equal(opens('\\u00e9t\\u00e9', 'ét'), true);
  });

  it('gives up on syntax it does not read, so the caller scans everywhere', () => {
    for (const source of ['(a)\\1', '(?<name>a)', '\\k<x>', '[abc', '(?:a']) assert.equal(openingPairs(source), undefined, source);
  });
});

describe('openingQuads', () => {
  const allows = (source: string, text: string) => {
    const q = openingQuads(source);
    assert.ok(q, `reads ${source}`);
    return allowsQuad(q, packQuad(text));
  };

  it('lists four-character openings, and shorter phrases whole', () => {
    assert.equal(allows('calm down|no', 'calm'), true);
    assert.equal(allows('calm down|no', 'no w'), true);
    assert.equal(allows('calm down|no', 'cal'), false); // three letters at the end of a text cannot be "calm down"
    assert.equal(allows('calm down|no', 'call'), false);
    assert.equal(allows("(?:i|we) (?:can )?hear", 'we h'), true);
    assert.equal(allows("(?:i|we) (?:can )?hear", 'i ca'), true);
    assert.equal(allows("(?:i|we) (?:can )?hear", 'i do'), false);
  });

  it('asks a piece only for the characters still needed, and counts every digit as one', () => {
    assert.ok(openingQuads('delive[\\p{L}]*'), 'a class after four letters costs nothing');
    assert.equal(allows('(?:\\d+|two) days', '12 d'), true);
    assert.equal(allows('(?:\\d+|two) days', '7 da'), true);
    assert.equal(allows('(?:\\d+|two) days', 'two '), true);
    assert.equal(allows('(?:\\d+|two) days', 'ten '), false);
  });

  it('gives up when openings are too many to be a filter', () => {
    assert.equal(openingQuads('[\\p{L}\\p{N}]{1,64}@'), undefined);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFromEnv, parseEnv } from './config.ts';

test('UPSET_THRESHOLD sets the desk’s upset cut-off, 0–1; unset leaves the model’s default', () => {
  assert.equal(configFromEnv(parseEnv({ UPSET_THRESHOLD: '0.7' })).upsetThreshold, 0.7);
  assert.equal(configFromEnv(parseEnv({})).upsetThreshold, undefined);
  assert.throws(() => parseEnv({ UPSET_THRESHOLD: '1.5' }), /UPSET_THRESHOLD/);
  assert.throws(() => parseEnv({ UPSET_THRESHOLD: 'high' }), /UPSET_THRESHOLD/);
});

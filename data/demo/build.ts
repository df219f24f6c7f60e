/**
 * Rebuilds `data/demo/conversations.json`, the demo desk's data, from IBM's customer-care conversations in
 * `../shared/data/ibm-customer-care/dev.json` (Apache-2.0, see NOTICE): 80 conversations, scrubbed of
 * Twitter handles, e-mail addresses and links, with generated customer names.
 *
 *   npx tsx data/demo/build.ts
 *
 * The output is deterministic; `test/api/demo.test.ts` checks the committed file against it when the
 * source is present.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildDemoSet, DEMO_DATA, DEMO_SOURCE, formatDemoSet, type Conversation } from '../../src/server/demo.ts';

const set = buildDemoSet(JSON.parse(readFileSync(DEMO_SOURCE, 'utf8')) as Conversation[]);
writeFileSync(DEMO_DATA, formatDemoSet(set));
console.log(`${DEMO_DATA}: ${set.conversations.length} conversations (${set.conversations.filter((c) => c.open).length} open).`);

// Turns shared/data/ibm-customer-care/dev.json (525 real Twitter support conversations, Apache-2.0) into
// inputs for the CLI, with @handles and e-mail addresses removed (the data README asks to keep them out
// of anything shown publicly):
//   npx tsx bench/ibm-corpus.ts replies   > ibm-replies.txt      one brand reply per `---` block
//   npx tsx bench/ibm-corpus.ts customers > ibm-customers.jsonl  {"id","text"} per conversation
import { readFileSync } from 'node:fs';

interface Conversation {
  agentURL: { url_utterance: string };
  dialogContent: { client?: string; message: string }[];
  dialogHeader: { sessionID: string };
}

const path = new URL('../../shared/data/ibm-customer-care/dev.json', import.meta.url);

/** Removes @handles and e-mail addresses. */
export function scrub(text: string): string {
  return text.replace(/\S+@\S+\.\w+/g, '<email>').replace(/@\w+/g, '').replace(/[ \t]{2,}/g, ' ').trim();
}

const kind = process.argv[2];
const data = JSON.parse(readFileSync(path, 'utf8')) as Conversation[];
if (kind === 'replies') {
  process.stdout.write(data.map((c) => scrub(c.agentURL.url_utterance)).join('\n---\n') + '\n');
} else if (kind === 'customers') {
  for (const c of data) {
    const text = c.dialogContent.filter((t) => t.client).map((t) => scrub(t.message)).join('\n');
    process.stdout.write(JSON.stringify({ id: c.dialogHeader.sessionID, text }) + '\n');
  }
} else {
  process.stderr.write('usage: tsx bench/ibm-corpus.ts replies|customers\n');
  process.exitCode = 2;
}

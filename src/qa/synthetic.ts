/** Writes synthetic conversation archives (generic JSONL, one message per line) for the QA tests and the scale benchmark. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const CUSTOMER = [
  'My order {n} is two weeks late and nobody answers. This is ridiculous.',
  'I was charged twice for order {n}. Fix it.',
  'Hi, could you tell me when order {n} ships?',
  'The blender from order {n} arrived broken. I am really disappointed.',
  'Third time I write about order {n}. Unacceptable, I want a refund.',
];
const AGENT = [
  "Sorry. That's handled by our shipping department, please contact them.",
  "{name}, I apologize that order {n} is late. I've upgraded it to express shipping at no cost, and I'll check tomorrow that it's moving.",
  'As I already said, you should have read the return policy.',
  "I'm sorry the blender arrived broken, {name}. A replacement ships today and you can keep the broken one.",
  'Thanks for reaching out. Order {n} ships on Friday.',
];
const REPLY = ['Thanks, that helps.', 'This is still unacceptable.', 'OK.', 'Great, thank you!'];
const NAMES = ['Ana', 'Tom', 'Priya', 'Jin', 'Olu', 'Maria', 'Ben', 'Sue'];
const AGENTS = ['Sam', 'Dana', 'Rae', 'Noor', 'Omar', 'Eve'];

/**
 * Message rows of `n` synthetic conversations in the generic layout (2–3 messages each, a mix of good and
 * bad agent replies); deterministic, so two runs over the same archive must agree.
 *
 * @example
 * [...messageRows(1)].map((r) => r.role) // ['customer', 'agent']
 */
export function* messageRows(n: number, start = 0): Generator<Record<string, string>> {
  for (let i = start; i < start + n; i++) {
    const id = `conv-${String(i).padStart(7, '0')}`;
    const name = NAMES[i % NAMES.length];
    const fill = (s: string): string => s.replace('{n}', `#${10000 + i}`).replace('{name}', name);
    const t0 = Date.UTC(2024, 0, 1) + i * 60_000;
    const at = (m: number): string => new Date(t0 + m * 60_000).toISOString();
    yield { conversation_id: id, timestamp: at(0), role: 'customer', author: name, text: fill(CUSTOMER[i % CUSTOMER.length]) };
    yield { conversation_id: id, timestamp: at(30 + (i % 7) * 40), role: 'agent', author: AGENTS[i % AGENTS.length], text: fill(AGENT[(i * 7) % AGENT.length]) };
    if (i % 3 !== 0) yield { conversation_id: id, timestamp: at(400), role: 'customer', author: name, text: REPLY[i % REPLY.length] };
  }
}

/**
 * Streams `n` conversations to a JSONL file without holding them in memory; resolves with bytes written.
 *
 * @example
 * await writeJsonlArchive('/tmp/archive.jsonl', 1_000_000);
 */
export async function writeJsonlArchive(path: string, n: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const row of messageRows(n)) {
    const line = `${JSON.stringify(row)}\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

// Whole conversations, written for these tests in the shape of real support threads: a good agent who
// follows the playbook, a bad one who argues and transfers, and the edge cases importers produce.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeConversation } from './analyze.ts';
import type { Turn } from './types.ts';

const c = (text: string): Turn => ({ role: 'customer', text });
const a = (text: string): Turn => ({ role: 'agent', text });

const GOOD: Turn[] = [
  c("This is ridiculous!!! I was charged twice for my order and nobody answers my emails. I'm furious."),
  a("Maria, I can see why you're furious: being charged twice and then hearing nothing is not okay. I apologize for the double charge and for the silence. I'll sort this out myself today."),
  c('Ok. I just want the extra charge refunded.'),
  a("I can refund the duplicate charge of $49 to your card today, and I'd like to offer you a $10 credit for the trouble. Would that work for you?"),
  c('Yes, that works. Thank you.'),
  a("Thank you, Maria. To recap: the duplicate charge of $49 is refunded today and a $10 credit is on your account. I'll e-mail you a confirmation, and I'll check in with you on Thursday to make sure the refund has arrived."),
];

const BAD: Turn[] = [
  c('My package never arrived and the tracking has not updated in a week. Where is it?'),
  a("Actually, the tracking shows it was shipped. You should have checked with the courier. You'll need to contact the courier directly."),
  c("Are you kidding me?! I've been waiting two weeks and now you tell me to call someone else? This is absolutely unacceptable."),
  a('Please calm down. As I already said, there is nothing we can do. Please call our shipping department.'),
  c('UNBELIEVABLE!!! You people are useless. I am cancelling my account and leaving a one-star review.'),
];

describe('analyzeConversation: a conversation that follows the playbook', () => {
  const r = analyzeConversation(GOOD, { customerName: 'Maria' });

  it('tracks the anger of every customer turn, and it falls', () => {
    assert.equal(r.angerTrajectory.length, 3);
    assert.ok(r.angerTrajectory[0] > r.angerTrajectory[2], r.angerTrajectory.join(' → '));
    assert.equal(r.trend, 'calming');
    assert.equal(r.upset, false);
  });

  it('sees that the first reply calmed the customer', () => {
    assert.equal(r.turns[1].effect, 'calmed');
    assert.ok((r.turns[1].angerChange ?? 0) < 0);
    assert.equal(r.turns[5].effect, 'unknown');
  });

  it('records the playbook steps taken and when the emotion was first acknowledged', () => {
    for (const move of ['acknowledge', 'apologize', 'own', 'offer', 'summarize', 'follow-up'] as const) assert.equal(r.steps[move], true, move);
    assert.equal(r.firstAcknowledgementTurn, 1);
    assert.equal(r.transfers, 0);
  });

  it('moves through the phases to follow-up', () => {
    assert.deepEqual(r.turns.map((t) => t.phase), ['listen', 'listen', 'apologize', 'apologize', 'offer', 'agree']);
    assert.equal(r.turns[4].agrees, true);
    assert.equal(r.phase, 'follow-up');
  });

  it('scores it well above the bad conversation', () => {
    const bad = analyzeConversation(BAD);
    assert.ok(r.score >= 70, String(r.score));
    assert.ok(r.score > bad.score + 30, `${r.score} vs ${bad.score}`);
  });
});

describe('analyzeConversation: a conversation that goes wrong', () => {
  const r = analyzeConversation(BAD);

  it('sees the anger rise and each reply inflame the customer', () => {
    assert.equal(r.trend, 'escalating');
    assert.deepEqual(r.turns.filter((t) => t.role === 'agent').map((t) => t.effect), ['inflamed', 'inflamed']);
  });

  it('counts both hand-offs to someone else', () => {
    assert.equal(r.transfers, 2);
    assert.deepEqual(r.transferTurns, [1, 3]);
  });

  it('coaches each reply against the customer turn it answers', () => {
    const first = r.turns[1].check;
    assert.ok(first);
    const rules = new Set(first.findings.map((f) => f.ruleId));
    assert.ok(rules.has('no-transfer'), [...rules].join(', '));
    assert.deepEqual(r.turns[1].answers, [0]);
  });

  it('never reached an acknowledgement, and says that is the next move', () => {
    assert.equal(r.firstAcknowledgementTurn, undefined);
    assert.equal(r.steps.acknowledge, false);
    assert.equal(r.nextMove?.move, 'acknowledge');
    assert.equal(r.phase, 'listen');
  });
});

describe('analyzeConversation: turn handling', () => {
  it('merges consecutive customer turns into what the next reply answers', () => {
    const r = analyzeConversation([
      c('Hi, my order #58213 is late.'),
      c('And I was charged twice for it!!'),
      a("I apologize for the double charge and the delay. I've refunded the extra charge and I'll chase the courier myself today."),
    ]);
    assert.deepEqual(r.turns[2].answers, [0, 1]);
    assert.equal(r.angerTrajectory.length, 2);
    const ids = new Set(r.turns[2].check?.findings.map((f) => f.ruleId));
    // the double charge from the second turn is known to the coach: the apology names it
    assert.ok(!ids.has('no-generic-apology') && !ids.has('reference-issue'), [...ids].join(', '));
  });

  it('counts refusals and suggests the owner question when refusals keep the customer stuck', () => {
    const r = analyzeConversation([
      c('I want a refund, the blender broke after a week.'),
      a("Unfortunately that's outside the return window, so I can't refund it."),
      c('That is not fair. I want my money back.'),
      a("I'm unable to offer a refund, no exceptions."),
      c('This is ridiculous. I am not happy at all.'),
    ]);
    assert.equal(r.nextMove?.move, 'ask');
    assert.match(r.nextMove?.reason ?? '', /ran our business/);
  });

  it('does not treat "ok, but where is my refund?!" as agreement', () => {
    const r = analyzeConversation([
      c('I was charged twice.'),
      a('I can refund the extra charge today. Would that work?'),
      c('Ok, but where is my refund?! This is the third time I ask!'),
    ]);
    assert.equal(r.turns[2].agrees, undefined);
    assert.notEqual(r.phase, 'agree');
  });

  it('handles an empty conversation, an agent-only one, and junk entries', () => {
    const empty = analyzeConversation([]);
    assert.deepEqual(empty.angerTrajectory, []);
    assert.equal(empty.phase, 'listen');
    assert.equal(empty.nextMove, undefined);
    const agentOnly = analyzeConversation([a('Hi! How can I help you today?')]);
    assert.equal(agentOnly.turns[0].effect, 'unknown');
    const junk = analyzeConversation([null, { role: 'bot', text: 'x' }, { role: 'customer' }, c('Where is my parcel?')] as unknown as Turn[]);
    assert.equal(junk.turns.length, 1);
    assert.doesNotThrow(() => analyzeConversation(undefined as unknown as Turn[]));
  });

  it('remembers what the customer already gave, so a later reply asking again is flagged', () => {
    const r = analyzeConversation([
      c('My order 58213-AB never arrived. My email is maria@example.com'),
      a("I apologize for the missing parcel. I'll look into it right away."),
      c('Thanks. Any news?'),
      a('Could you send me your order number?'),
    ]);
    const ids = r.turns[3].check?.findings.map((f) => f.ruleId) ?? [];
    assert.ok(ids.includes('no-asking-too-much'), ids.join(', '));
  });
});

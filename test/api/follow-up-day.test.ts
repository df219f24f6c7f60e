// The follow-up call's day: by default FOLLOW_UP_BUSINESS_DAYS business days ahead on the team's own
// calendar (TEAM_TIME_ZONE), or the day the agent picks when resolving.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addBusinessDays, localDate, onLocalDay } from '../../src/server/clock.ts';
import { parseEnv } from '../../src/server/config.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

describe('the follow-up day, per case and on the team calendar', () => {
  let desk: TestDesk;
  let agent: Client;
  const open = async (name: string) => (await agent.post('/api/cases', { customer: { name, email: `${name.toLowerCase()}@example.com` }, message: 'My order is late again!' })).body.id as number;

  before(async () => {
    // Friday 19:00 in Los Angeles, already Saturday 03:00 in UTC.
    desk = await startDesk({ start: '2026-11-21T03:00:00Z', config: { teamTimeZone: 'America/Los_Angeles', followUpBusinessDays: 1 } });
    agent = await desk.login('agent');
  });
  after(() => desk.stop());

  test('business days are counted on the team calendar, across daylight-saving changes', () => {
    // In UTC this would be Monday 03:00 UTC, which is Sunday evening for a team in Los Angeles.
    assert.equal(addBusinessDays(new Date('2026-11-21T03:00:00Z'), 1, 'America/Los_Angeles').toISOString(), '2026-11-24T03:00:00.000Z');
    assert.equal(addBusinessDays(new Date('2026-11-20T15:00:00Z'), 1).toISOString(), '2026-11-23T15:00:00.000Z');
    // Berlin moves to summer time over the weekend: Friday 10:00 → Monday 10:00 local.
    assert.equal(addBusinessDays(new Date('2026-03-27T09:00:00Z'), 1, 'Europe/Berlin').toISOString(), '2026-03-30T08:00:00.000Z');
    assert.equal(localDate(new Date('2026-11-21T03:00:00Z'), 'America/Los_Angeles'), '2026-11-20');
    assert.equal(onLocalDay(new Date('2026-11-21T03:00:00Z'), '2026-11-25', 'America/Los_Angeles').toISOString(), '2026-11-26T03:00:00.000Z');
    assert.throws(() => parseEnv({ TEAM_TIME_ZONE: 'Mars/Olympus' }), /TEAM_TIME_ZONE: must be an IANA time zone/);
    assert.equal(parseEnv({ TEAM_TIME_ZONE: 'Europe/Berlin' }).TEAM_TIME_ZONE, 'Europe/Berlin');
  });

  test('by default the call-back is the next business day in the team time zone', async () => {
    const d = await agent.get('/api/follow-ups/default');
    assert.deepEqual(d.body, { on: '2026-11-23', timeZone: 'America/Los_Angeles', businessDays: 1 });
    const id = await open('Dora');
    const r = await agent.post(`/api/cases/${id}/resolve`, { agreed: 'Reship', summary: 'Dora, we reship today; I will call you on Monday.' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.followUp.dueAt, '2026-11-24T03:00:00.000Z', 'Monday 19:00 in Los Angeles');
  });

  test('the agent picks another day for this case; the call keeps the local hour', async () => {
    const id = await open('Emil');
    const r = await agent.post(`/api/cases/${id}/resolve`, { agreed: 'Reship', summary: 'Emil, we reship today; I will call you on Wednesday.', followUpOn: '2026-11-25' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.followUp.dueAt, '2026-11-26T03:00:00.000Z', 'Wednesday 19:00 in Los Angeles');
    const fu = (await agent.get('/api/follow-ups')).body.followUps.find((f: { caseId: number }) => f.caseId === id);
    assert.equal(fu.dueAt, '2026-11-26T03:00:00.000Z');
  });

  test('a day in the past or months away is refused in words, naming the field, and nothing is resolved', async () => {
    const id = await open('Fritz');
    for (const [day, why] of [['2026-11-19', /must be today \(2026-11-20\) or later/], ['2027-06-01', /must be within 90 days/], ['2026-02-30', /Invalid/i]] as const) {
      const r = await agent.post(`/api/cases/${id}/resolve`, { agreed: 'x', summary: 'Fritz, sorted.', followUpOn: day });
      assert.equal(r.status, 400, day);
      assert.equal(r.body.error.details.issues[0].path, 'body.followUpOn');
      assert.match(r.body.error.details.issues[0].message, why);
    }
    // Today, on the team's calendar (it is still Friday there), is fine.
    const today = await agent.post(`/api/cases/${id}/resolve`, { agreed: 'x', summary: 'Fritz, sorted; I will call you later today.', followUpOn: '2026-11-20' });
    assert.equal(today.status, 200, JSON.stringify(today.body));
  });
});

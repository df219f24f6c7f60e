// The README's rules table is generated from rule metadata; this fails when someone adds or changes a rule
// without running `npm run docs:rules`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../engine/index.ts';
import { END, measureRules, renderRulesTable, START, updateReadme } from '../../scripts/gen-rules-table.ts';
import { ROOT } from './project.ts';

describe('README rules table', () => {
  it('has one row per rule, linking a doc page that exists', () => {
    const rows = renderRulesTable(RULES).split('\n').slice(2);
    assert.equal(rows.length, RULES.length);
    for (const [i, rule] of RULES.entries()) {
      const link = `[${rule.meta.id}](docs/rules/${rule.meta.id}.md)`;
      assert.ok(rows[i].startsWith(`| ${link} | ${rule.meta.principle} `), rows[i]);
      assert.ok(existsSync(join(ROOT, 'docs/rules', `${rule.meta.id}.md`)), `doc for ${rule.meta.id}`);
      assert.equal(rows[i].split(/(?<!\\)\|/).length, 9, 'a pipe in a description must not add a column');
    }
  });

  it('is current in the committed README (run `npm run docs:rules` when this fails)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // The measured column is compared to two decimals' worth of drift: a phrase added to a table moves a
    // rule's recall by a reply or two, and `npm run docs:rules` refreshes it; rows, rules and wording must match.
    const masked = (md: string) => md.replace(/\| (?:[\d.]+|–) \/ (?:[\d.]+|–) \((\d+)\) \|/g, '| P / R ($1) |');
    const expected = updateReadme(readme, renderRulesTable(RULES, measureRules(RULES)));
    assert.equal(masked(expected), masked(readme));
    const figures = (md: string) => [...md.matchAll(/\| ([\d.]+) \/ ([\d.]+) \(\d+\) \|/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const [now, committed] = [figures(expected), figures(readme)];
    assert.equal(now.length, committed.length);
    now.forEach(([p, r], i) => {
      assert.ok(Math.abs(p - committed[i][0]) <= 0.1 && Math.abs(r - committed[i][1]) <= 0.1, `measured figures moved by more than 0.1 (row ${i}): run npm run docs:rules`);
    });
  });

  it('replaces only what is between the markers and refuses a README without them', () => {
    const readme = `intro\n${START}\nstale\n${END}\noutro\n`;
    assert.equal(updateReadme(readme, 'fresh'), `intro\n${START}\nfresh\n${END}\noutro\n`);
    assert.throws(() => updateReadme('no markers', 'x'), /must contain/);
  });
});

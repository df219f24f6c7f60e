/**
 * The options page: names, rule levels, the options catalogue and the optional Defuse server. Everything is
 * saved to `chrome.storage.local`; open coaches pick changes up at once.
 */
import '../chrome.ts';
import { checkReply, PRINCIPLES, RULES, type Need, type OptionOffer, type RuleSettings, type Severity } from '../../../src/engine/index.ts';
import { cleanOptions, cleanSettings, loadSettings, serverOrigin, SETTINGS_KEY, type LocalSettings, type TeamState } from '../settings.ts';
import { checkOnServer, syncNow } from '../sync.ts';

const NEEDS: Need[] = ['timing', 'financial', 'replacement', 'information', 'acknowledgement', 'escalation'];
const LEVELS: { value: Severity | 'off' | ''; label: string }[] = [
  { value: '', label: 'Default' },
  { value: 'error', label: 'Problem' },
  { value: 'warning', label: 'Warning' },
  { value: 'suggestion', label: 'Suggestion' },
  { value: 'off', label: 'Off' },
];
/** A draft with no customer text in it, for "Test connection". */
const SAMPLE_DRAFT = "Calm down. That's not my department, call billing.";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function say(id: string, text: string, kind: 'ok' | 'error' | '' = ''): void {
  const p = $(id);
  p.textContent = text;
  p.className = `status ${kind}`;
}

function renderRules(rules: RuleSettings, team: TeamState): void {
  const teamRules = team.config?.rules ?? {};
  $('rules').replaceChildren(...[...RULES].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((rule) => {
    const id = `rule-${rule.meta.id}`;
    const select = el('select', { id, 'data-rule': rule.meta.id });
    for (const level of LEVELS) {
      const label = level.value === '' ? `Default (${teamRules[rule.meta.id] ? `team: ${teamRules[rule.meta.id]}` : rule.meta.severity})` : level.label;
      select.append(el('option', { value: level.value }, label));
    }
    select.value = rules[rule.meta.id] ?? '';
    return el('tr', {},
      el('td', {}, el('label', { for: id, class: 'rule-id' }, rule.meta.id)),
      el('td', {}, `${rule.meta.principle} · ${PRINCIPLES[rule.meta.principle]}`),
      el('td', {}, select));
  }));
}

function optionRow(o: Partial<OptionOffer> = {}): HTMLTableRowElement {
  const n = document.querySelectorAll('#options-rows tr').length + 1;
  const need = el('select', { 'aria-label': `Need option ${n} serves`, name: 'need' });
  for (const x of NEEDS) need.append(el('option', { value: x }, x));
  need.value = o.need ?? 'financial';
  const remove = el('button', { type: 'button', 'aria-label': `Remove option ${n}` }, 'Remove');
  const row = el('tr', {},
    el('td', {}, el('input', { name: 'id', 'aria-label': `Id of option ${n}`, value: o.id ?? '', maxlength: '100' })),
    el('td', {}, el('input', { name: 'label', 'aria-label': `Label of option ${n}`, value: o.label ?? '', maxlength: '200' })),
    el('td', {}, need),
    el('td', {}, el('input', { name: 'phrase', 'aria-label': `Wording of option ${n}`, value: o.phrase ?? '', maxlength: '300', placeholder: 'a 15% discount on your next order' })),
    el('td', {}, remove));
  remove.addEventListener('click', () => row.remove());
  return row;
}

function renderTeamOptions(team: TeamState): void {
  const options = team.config?.options ?? [];
  $('team-options').replaceChildren(options.length
    ? el('p', { class: 'hint' }, `From your team (${options.length}): ${options.map((o) => o.label).join(', ')}. Options you add below are used as well.`)
    : '');
}

function describeTeam(team: TeamState, local: LocalSettings): string {
  if (!local.server) return 'No server set: coaching uses the settings on this page.';
  const when = team.fetchedAt ? new Date(team.fetchedAt).toLocaleString() : undefined;
  if (team.error) return `${team.error}${when ? ` Using the settings pulled ${when}.` : ''}`;
  return when ? `Team settings pulled ${when}.` : 'Not pulled yet.';
}

function read(): LocalSettings {
  const rules: RuleSettings = {};
  for (const select of document.querySelectorAll<HTMLSelectElement>('#rules select')) {
    if (select.value) rules[select.dataset.rule as string] = select.value as Severity | 'off';
  }
  const options = cleanOptions([...document.querySelectorAll('#options-rows tr')].map((row) => ({
    id: (row.querySelector('[name=id]') as HTMLInputElement).value,
    label: (row.querySelector('[name=label]') as HTMLInputElement).value,
    need: (row.querySelector('[name=need]') as HTMLSelectElement).value,
    phrase: (row.querySelector('[name=phrase]') as HTMLInputElement).value,
  })));
  const url = $<HTMLInputElement>('serverUrl').value.trim();
  const token = $<HTMLInputElement>('serverToken').value.trim();
  return cleanSettings({
    companyName: $<HTMLInputElement>('companyName').value,
    agentName: $<HTMLInputElement>('agentName').value,
    rules,
    options,
    server: url || token ? { url, token } : null,
  });
}

async function save(): Promise<LocalSettings | undefined> {
  const settings = read();
  const url = $<HTMLInputElement>('serverUrl').value.trim();
  if (url && !serverOrigin(url)) {
    say('save-status', 'The server address must start with https:// (or http://localhost for a desk on this machine).', 'error');
    $('serverUrl').focus();
    return undefined;
  }
  if (url && !$<HTMLInputElement>('serverToken').value.trim()) {
    say('save-status', 'Add the API token for the server, or clear the address.', 'error');
    $('serverToken').focus();
    return undefined;
  }
  await chrome.storage.local.set({ [SETTINGS_KEY]: settings });
  say('save-status', 'Saved. Open reply boxes use the new settings now.', 'ok');
  return settings;
}

async function init(): Promise<void> {
  $('origin').textContent = new URL(chrome.runtime.getURL('/')).origin;
  const { local, team } = await loadSettings();
  $<HTMLInputElement>('companyName').value = local.companyName;
  $<HTMLInputElement>('agentName').value = local.agentName;
  $<HTMLInputElement>('serverUrl').value = local.server?.url ?? '';
  $<HTMLInputElement>('serverToken').value = local.server?.token ?? '';
  renderRules(local.rules, team);
  renderTeamOptions(team);
  $('options-rows').replaceChildren(...local.options.map((o) => optionRow(o)));
  say('sync-status', describeTeam(team, local), team.error ? 'error' : '');

  $('add-option').addEventListener('click', () => {
    const row = optionRow();
    $('options-rows').append(row);
    row.querySelector('input')?.focus();
  });
  $('options').addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  $('sync').addEventListener('click', async () => {
    const saved = await save();
    if (!saved) return;
    if (!saved.server) {
      say('sync-status', describeTeam({}, saved));
      return;
    }
    say('sync-status', 'Pulling team settings…');
    const state = await syncNow();
    say('sync-status', describeTeam(state, saved), state.error ? 'error' : 'ok');
    renderRules(saved.rules, state);
    renderTeamOptions(state);
  });
  $('test').addEventListener('click', async () => {
    const settings = read();
    if (!settings.server) {
      say('sync-status', 'Set the server address and API token first.', 'error');
      return;
    }
    say('sync-status', 'Testing…');
    try {
      const server = await checkOnServer(settings.server, SAMPLE_DRAFT);
      const local = checkReply(SAMPLE_DRAFT).findings.map((f) => f.ruleId);
      const same = JSON.stringify([...new Set(server.ruleIds)].sort()) === JSON.stringify([...new Set(local)].sort());
      say('sync-status', same
        ? 'Connected. The server and this extension coach the same way.'
        : 'Connected, but the server’s engine differs from this extension’s: update one of them so coaching matches.', 'ok');
    } catch (err) {
      say('sync-status', (err as Error).message, 'error');
    }
  });
}

void init();

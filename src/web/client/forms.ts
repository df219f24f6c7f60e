/**
 * Forms people can trust: a submission runs once however often the button is pressed, and the server's
 * validation errors come back in words, next to the field they are about.
 */
import { ApiError } from './api.ts';
import { h } from './dom.ts';
import { humanIssue } from './issues.ts';

export { humanIssue } from './issues.ts';

/** The longest message, reply or summary the server stores (`MAX_MESSAGE` in src/server/http/cases/schemas.ts). */
export const MAX_MESSAGE = 20_000;

/**
 * Runs `submit` on the form's submit event, once at a time: while it runs, further submissions (a double
 * click, Enter pressed twice) are ignored, the submit buttons are disabled and the form is `aria-busy`.
 *
 * @example
 * onSubmitOnce(form, async () => { await request('POST', '/api/cases/1/tasks', body); await reload(); });
 */
export function onSubmitOnce(form: HTMLFormElement, submit: () => Promise<void>): void {
  let running = false;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (running) return;
    running = true;
    const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[type="submit"], button:not([type])')];
    const before = buttons.map((b) => b.disabled);
    buttons.forEach((b) => (b.disabled = true));
    form.setAttribute('aria-busy', 'true');
    void submit().finally(() => {
      running = false;
      buttons.forEach((b, i) => (b.disabled = before[i]));
      form.removeAttribute('aria-busy');
    });
  });
}

/** The server's field issues in an error, if any (`error.details.issues`). */
export function issuesOf(err: unknown): { path: string; message: string }[] {
  const body = err instanceof ApiError ? (err.body as { error?: { details?: { issues?: { path?: unknown; message?: unknown }[] } } } | undefined) : undefined;
  const issues = body?.error?.details?.issues;
  return Array.isArray(issues) ? issues.filter((i) => typeof i.path === 'string' && typeof i.message === 'string') as { path: string; message: string }[] : [];
}

/**
 * Shows a failed submission: each field issue under its input (found by `data-field`, e.g. `customer.email`),
 * marked `aria-invalid` and described by the message; anything else in `box`. Focuses the first bad field.
 * Clears earlier messages first. Returns the messages not placed at a field.
 *
 * @example
 * catch (err) { showErrors(form, status, err); }
 */
export function showErrors(form: HTMLElement, box: HTMLElement, err: unknown): string[] {
  clearErrors(form, box);
  const issues = issuesOf(err);
  const rest: string[] = [];
  let first: HTMLElement | undefined;
  for (const issue of issues) {
    const { field, text } = humanIssue(issue.path, issue.message);
    const input = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
    if (!input) {
      rest.push(text);
      continue;
    }
    const id = `${input.id || field.replace(/\W/g, '-')}-error`;
    const note = h('p', { class: 'field-error', id }, text);
    input.insertAdjacentElement('afterend', note);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    first ??= input;
  }
  if (!issues.length) rest.push(err instanceof Error ? err.message : String(err));
  if (rest.length) box.append(h('div', { class: 'alert alert-error', role: 'alert' }, rest.join(' ')));
  else if (first) box.append(h('div', { class: 'alert alert-error', role: 'alert' }, issues.length === 1 ? 'Please fix the field marked below.' : `Please fix the ${issues.length} fields marked below.`));
  first?.focus();
  return rest;
}

/** Removes the messages {@link showErrors} added. */
export function clearErrors(form: HTMLElement, box: HTMLElement): void {
  for (const note of form.querySelectorAll('.field-error')) {
    const input = form.querySelector<HTMLElement>(`[aria-describedby~="${note.id}"]`);
    if (input) {
      input.removeAttribute('aria-invalid');
      const rest = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== note.id).join(' ');
      if (rest) input.setAttribute('aria-describedby', rest);
      else input.removeAttribute('aria-describedby');
    }
    note.remove();
  }
  box.replaceChildren();
}

/**
 * A character counter for a text field with a server-side limit: silent while the text is short, shown from
 * 90% of the limit ("18,200 / 20,000 characters"), and an error past it, with the field marked invalid, so
 * the limit is known before anything is sent. Returns the counter element and a check to run before sending.
 *
 * @example
 * const limit = lengthLimit(textarea, MAX_MESSAGE);
 * field.append(limit.element);
 * if (!limit.ok()) return; // refused here, as the server would refuse it
 */
export function lengthLimit(input: HTMLTextAreaElement | HTMLInputElement, max: number): { element: HTMLElement; ok(): boolean; update(): void } {
  const id = `${input.id || 'text'}-count`;
  const element = h('p', { class: 'char-count', id, 'aria-live': 'polite', hidden: true });
  const update = () => {
    const n = input.value.length;
    const over = n > max;
    element.hidden = n < max * 0.9;
    element.classList.toggle('over', over);
    element.textContent = over
      ? `${n.toLocaleString('en-US')} / ${max.toLocaleString('en-US')} characters: ${(n - max).toLocaleString('en-US')} too many. Shorten it before sending.`
      : `${n.toLocaleString('en-US')} / ${max.toLocaleString('en-US')} characters`;
    if (over) input.setAttribute('aria-invalid', 'true');
    else if (!input.parentElement?.querySelector('.field-error')) input.removeAttribute('aria-invalid');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    if (!element.hidden && !described.includes(id)) input.setAttribute('aria-describedby', [...described, id].join(' '));
  };
  input.addEventListener('input', update);
  update();
  return {
    element,
    update,
    ok() {
      update();
      if (input.value.length <= max) return true;
      element.hidden = false;
      input.focus();
      return false;
    },
  };
}

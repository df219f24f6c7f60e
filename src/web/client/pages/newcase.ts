/**
 * Open a case from a customer's first message: pick an existing customer or enter a new one, paste what
 * they wrote, and land on the case with the message analysed and coaching ready.
 */
import { request, type Customer } from '../api.ts';
import { h, money, replace, uid } from '../dom.ts';
import { clearErrors, lengthLimit, MAX_MESSAGE, onSubmitOnce, showErrors } from '../forms.ts';
import { currentUser, errorBox, frame, notice } from '../layout.ts';

export async function render(): Promise<void> {
  const user = await currentUser();
  const main = frame(user, 'newcase', 'New case');
  const ids = { search: uid('q'), name: uid('name'), email: uid('email'), since: uid('since'), value: uid('ltv'), subject: uid('subject'), message: uid('msg') };
  const search = h('input', { id: ids.search, type: 'search', autocomplete: 'off', placeholder: 'Name or e-mail' });
  const results = h('ul', { class: 'customer-results', 'aria-label': 'Matching customers' });
  const chosenBox = h('div', { class: 'chosen', 'aria-live': 'polite' });
  // data-field: the server's name for each value, so a refused value is explained next to its field.
  const name = h('input', { id: ids.name, autocomplete: 'off', 'data-field': 'customer.name' });
  const email = h('input', { id: ids.email, type: 'email', autocomplete: 'off', 'data-field': 'customer.email' });
  const since = h('input', { id: ids.since, type: 'date', 'data-field': 'customer.customerSince' });
  const value = h('input', { id: ids.value, type: 'number', min: 0, step: 'any', inputmode: 'decimal', 'data-field': 'customer.lifetimeValue' });
  const subject = h('input', { id: ids.subject, placeholder: 'Optional: the issue, e.g. “charged twice”', 'data-field': 'subject' });
  const message = h('textarea', { id: ids.message, rows: 7, placeholder: 'Paste the customer’s message exactly as they wrote it', 'data-field': 'message' });
  const messageLimit = lengthLimit(message, MAX_MESSAGE);
  const status = h('div', { class: 'panel-status' });
  let chosen: Customer | undefined;

  const newCustomer = h('fieldset', { class: 'new-customer' },
    h('legend', {}, 'Or a new customer'),
    h('div', { class: 'row' },
      h('div', { class: 'field grow' }, h('label', { for: ids.name }, 'Name'), name),
      h('div', { class: 'field grow' }, h('label', { for: ids.email }, 'E-mail'), email)),
    h('div', { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: ids.since }, 'Customer since'), since),
      h('div', { class: 'field' }, h('label', { for: ids.value }, 'Lifetime value (USD)'), value)));

  const choose = (c: Customer | undefined) => {
    chosen = c;
    newCustomer.disabled = Boolean(c);
    replace(chosenBox, c
      ? h('p', {}, 'Customer: ', h('strong', {}, c.name), c.email ? ` · ${c.email}` : '', ` · ${money(c.lifetimeValue)} `,
        h('button', { type: 'button', class: 'link-button', onclick: () => choose(undefined) }, 'Change'))
      : null);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void (async () => {
      const q = search.value.trim();
      if (q.length < 2) {
        replace(results);
        return;
      }
      try {
        const { customers } = await request<{ customers: Customer[] }>('GET', `/api/customers?q=${encodeURIComponent(q)}`);
        replace(results, customers.length
          ? customers.slice(0, 8).map((c) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => { choose(c); replace(results); } },
            c.name, c.email ? ` (${c.email})` : '')))
          : h('li', { class: 'muted small' }, 'No match: enter a new customer below.'));
      } catch (err) {
        replace(results, h('li', {}, errorBox(err)));
      }
    })(), 250);
  });

  const submit = h('button', { type: 'submit', class: 'primary' }, 'Open case');
  const form = h('form', { class: 'panel newcase-form', novalidate: true },
    h('h2', {}, 'Customer'),
    h('div', { class: 'field' }, h('label', { for: ids.search }, 'Find an existing customer'), search),
    results,
    chosenBox,
    newCustomer,
    h('h2', {}, 'Their message'),
    h('div', { class: 'field' }, h('label', { for: ids.subject }, 'Subject'), subject),
    h('div', { class: 'field' }, h('label', { for: ids.message }, 'What they wrote'), message, messageLimit.element),
    status,
    h('div', { class: 'actions' }, submit));

  // Once per submission: a double click must not open the same case twice.
  onSubmitOnce(form, async () => {
    clearErrors(form, status);
    if (!chosen && !name.value.trim()) {
      notice(status, 'Pick a customer or give the new customer’s name.', 'error');
      (search.value ? name : search).focus();
      return;
    }
    if (!message.value.trim()) {
      notice(status, 'Paste the customer’s message.', 'error');
      message.focus();
      return;
    }
    if (!messageLimit.ok()) {
      notice(status, 'The message is longer than the desk accepts: shorten it before opening the case.', 'error');
      return;
    }
    const customer = chosen ? undefined : {
      name: name.value.trim(),
      email: email.value.trim() || undefined,
      customerSince: since.value || undefined,
      // A number the browser cannot read (e.g. "12,5") is sent as typed, so the server says what is wrong.
      lifetimeValue: value.value === '' ? (value.validity.badInput ? Number.NaN : undefined) : Number(value.value),
    };
    try {
      const res = await request<{ id: number }>('POST', '/api/cases', {
        customerId: chosen?.id,
        customer,
        subject: subject.value.trim() || undefined,
        message: message.value,
      });
      location.assign(`/cases/${res.id}`);
      await new Promise(() => undefined); // leaving the page: keep the button disabled
    } catch (err) {
      showErrors(form, status, err);
    }
  });

  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-title' }, 'New case'),
      h('p', { class: 'muted' }, 'You own the case from the first message to the follow-up call.')),
    form);
}

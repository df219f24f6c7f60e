// Client entry: the shell names the page in <body data-page>; this draws it.
import { errorBox } from './layout.ts';
import { replace } from './dom.ts';

const routes: Record<string, () => Promise<{ render: () => Promise<void> }>> = {
  login: () => import('./pages/login.ts'),
  queue: () => import('./pages/queue.ts'),
  case: () => import('./pages/case.ts'),
  newcase: () => import('./pages/newcase.ts'),
  followups: () => import('./pages/followups.ts'),
  dashboard: () => import('./pages/dashboard.ts'),
  outbox: () => import('./pages/outbox.ts'),
  admin: () => import('./pages/admin.ts'),
};

async function start(): Promise<void> {
  const page = document.body.dataset.page ?? 'queue';
  const load = routes[page] ?? routes.queue;
  try {
    const mod = await load();
    await mod.render();
  } catch (err) {
    const main = document.getElementById('main') ?? document.body;
    replace(main, errorBox(err));
    console.error(err);
  }
}

void start();

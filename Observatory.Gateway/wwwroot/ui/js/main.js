// Entry point: hash routes (#/ compose, #/analysis/{id} one analysis — so a reload keeps the result), the API key
// menu, and the list of analyses started in this browser.

import { byId, el, clear, dateTime } from './dom.js';
import { api, credentials } from './api.js';
import { setupCompose } from './compose.js';
import { AnalysisView } from './analysis.js';

const RECENT_STORAGE = 'observatory.recent';
const ANALYSIS_ROUTE = /^#\/analysis\/([0-9a-fA-F-]{32,36})$/;

const analysis = new AnalysisView();
let pendingFresh = null; // {id, title} of the analysis just submitted: no need to read it before following it

function route() {
  const match = ANALYSIS_ROUTE.exec(location.hash);
  const compose = byId('view-compose');
  const view = byId('view-analysis');
  if (match) {
    const id = match[1].toLowerCase();
    compose.hidden = true;
    view.hidden = false;
    const fresh = pendingFresh?.id === id ? pendingFresh : null;
    pendingFresh = null;
    document.title = 'Analysis — Observatory';
    analysis.open(id, { fresh: Boolean(fresh), title: fresh?.title ?? null });
    byId('analysis-heading').focus({ preventScroll: false });
  } else {
    analysis.close();
    view.hidden = true;
    compose.hidden = false;
    document.title = 'Observatory — conversation analysis';
    renderRecent();
  }
}

function onSubmitted(accepted, title) {
  remember({ id: accepted.id, title, created_at: accepted.created_at });
  pendingFresh = { id: accepted.id, title };
  location.hash = `#/analysis/${accepted.id}`;
}

function readRecent() {
  try {
    const items = JSON.parse(localStorage.getItem(RECENT_STORAGE) ?? '[]');
    return Array.isArray(items) ? items.filter((item) => typeof item?.id === 'string') : [];
  } catch {
    return [];
  }
}

function remember(item) {
  const items = [item, ...readRecent().filter((existing) => existing.id !== item.id)].slice(0, 8);
  try {
    localStorage.setItem(RECENT_STORAGE, JSON.stringify(items));
  } catch {
    // Storage disabled: nothing to list later.
  }
}

function renderRecent() {
  const items = readRecent();
  const list = clear(byId('recent-list'));
  byId('recent-empty').hidden = items.length > 0;
  for (const item of items) {
    list.append(el('li', null, el('a', { href: `#/analysis/${item.id}` },
      el('span', null, item.title || `${item.id.slice(0, 8)}…`),
      el('span', { class: 'when' }, dateTime(item.created_at)))));
  }
}

function setupOpenForm() {
  const form = byId('open-form');
  const input = byId('open-id');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = input.value.trim();
    if (!ANALYSIS_ROUTE.test(`#/analysis/${id}`)) {
      input.setCustomValidity('An analysis id looks like 3f2c9a4e-…: 32 hexadecimal digits.');
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    location.hash = `#/analysis/${id}`;
  });
  input.addEventListener('input', () => input.setCustomValidity(''));
}

/** onChange: the credential changed, so what is on screen may read differently (another owner, another limit). */
function setupKeyMenu(onChange) {
  const menu = byId('key-menu');
  const form = byId('key-form');
  const input = byId('api-key');
  const status = byId('key-status');

  function show() {
    const key = credentials.get();
    menu.dataset.keyed = String(Boolean(key));
    byId('key-state').textContent = key ? `Key ${key.slice(0, 12)}…` : 'Public access';
    input.value = key;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    credentials.set(input.value);
    show();
    status.textContent = credentials.get() ? 'The key is used for this tab’s requests.' : 'No key: requests are public.';
    onChange();
  });
  byId('key-clear').addEventListener('click', () => {
    credentials.set('');
    show();
    status.textContent = 'Key forgotten: requests are public.';
    onChange();
  });
  byId('key-check').addEventListener('click', async () => {
    status.textContent = 'Checking…';
    try {
      const account = await api.account();
      status.textContent = `Tier ${account.tier}: ${account.usage?.minute ?? 0}/${account.limits?.per_minute ?? '∞'} this minute, ${account.usage?.day ?? 0}/${account.limits?.per_day ?? '∞'} today.`;
    } catch (error) {
      status.textContent = error.status === 429 ? `Rate limited: retry in ${error.retryAfter ?? 60} s.` : `${error.title}${error.problem?.detail ? ` — ${error.problem.detail}` : ''}`;
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
  show();
}

setupKeyMenu(() => {
  if (ANALYSIS_ROUTE.test(location.hash)) route();
});
setupOpenForm();
setupCompose({ onSubmitted });
window.addEventListener('hashchange', route);
route();

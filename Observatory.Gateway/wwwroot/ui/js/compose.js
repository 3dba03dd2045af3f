// The compose form: paste a conversation (JSON or a plain "Speaker: text" transcript), upload a .json/.txt file
// into it, or pick a curated example; choose patterns and LLM use; submit. The server is the one validator: what it
// refuses comes back as a problem and is shown with each field's path.

import { el, byId, clear } from './dom.js';
import { api, ApiProblem } from './api.js';
import { showProblem, hideProblem } from './problems.js';

const MAX_UPLOAD_BYTES = 4 * 1024 * 1024; // the API's body limit for one analysis (CONTRACT §2)

export function setupCompose({ onSubmitted }) {
  const form = byId('compose-form');
  const text = byId('conversation-text');
  const problem = byId('compose-problem');
  const submit = byId('submit-button');
  const tabs = setupTabs(() => examples.load());
  const examples = setupExamples();
  setupUpload(text, () => tabs.select('tab-paste'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideProblem(problem);
    const request = buildRequest(tabs.current(), text.value, examples.selected(), readOptions(form));
    if (request.problem) {
      showProblem(problem, request.problem);
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    submit.textContent = 'Submitting…';
    try {
      const accepted = request.raw !== undefined ? await api.submitRaw(request.raw) : await api.submit(request.body);
      onSubmitted(accepted, request.body?.title ?? null);
    } catch (error) {
      showProblem(problem, error);
      problem.focus?.();
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      submit.textContent = 'Analyse';
    }
  });
}

function readOptions(form) {
  return {
    patterns: [...form.querySelectorAll('input[name="pattern"]:checked')].map((input) => input.value),
    llm: form.querySelector('input[name="llm"]:checked')?.value ?? 'auto',
    title: byId('analysis-title').value.trim(),
  };
}

/**
 * The request for the current source. Pasted JSON (an object, or an array of messages) is used as the request
 * document with the form's options merged in; text that looks like JSON but does not parse is sent as it is, so
 * the API names the malformed spot; anything else is a transcript. example: {name, title} of the picked example.
 */
export function buildRequest(source, pasted, example, options) {
  let body;
  if (source === 'tab-example') {
    if (!example) {
      return { problem: new ApiProblem(400, { title: 'Pick an example first.', errors: { example: ['Choose one of the examples above.'] } }) };
    }
    body = { example: example.name };
    // An example's own title names the analysis unless the user gave one.
    if (!options.title && example.title) body.title = example.title;
  } else {
    const trimmed = pasted.trim();
    // "[10:02] Ada: …" is a transcript; "[{…}]" or "[]" is a JSON array of messages.
    if (/^(\{|\[\s*[{\]])/.test(trimmed)) {
      let parsed;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        return { raw: pasted };
      }
      body = Array.isArray(parsed) ? { messages: parsed } : parsed;
    } else {
      body = { transcript: pasted };
    }
  }
  if (options.title && body.title === undefined) body.title = options.title;
  const given = body.options && typeof body.options === 'object' && !Array.isArray(body.options) ? body.options : {};
  body.options = { ...given, patterns: options.patterns, llm: options.llm };
  return { body };
}

/** ARIA tabs: click, arrow keys, Home/End. */
function setupTabs(onExampleOpened) {
  const list = document.querySelector('[role="tablist"]');
  const tabs = [...list.querySelectorAll('[role="tab"]')];
  let current = 'tab-paste';

  function select(id, focus = false) {
    current = id;
    for (const tab of tabs) {
      const selected = tab.id === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      byId(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    }
    if (id === 'tab-example') onExampleOpened();
  }

  for (const tab of tabs) tab.addEventListener('click', () => select(tab.id));
  list.addEventListener('keydown', (event) => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length].id, true);
  });
  return { select, current: () => current };
}

function setupUpload(textarea, showPasteTab) {
  const input = byId('conversation-file');
  const zone = byId('dropzone');
  const status = byId('file-status');

  function load(file) {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      status.textContent = `${file.name} is ${Math.round(file.size / 1024)} KiB; one analysis takes at most 4 MiB.`;
      return;
    }
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      textarea.value = String(reader.result ?? '');
      status.textContent = `Loaded ${file.name} (${Math.max(1, Math.round(file.size / 1024))} KiB).`;
      showPasteTab();
      textarea.focus();
    });
    reader.addEventListener('error', () => {
      status.textContent = `Could not read ${file.name}.`;
    });
    reader.readAsText(file);
  }

  input.addEventListener('change', () => load(input.files?.[0]));
  for (const target of [zone, textarea]) {
    target.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    target.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    target.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      load(event.dataTransfer?.files?.[0]);
    });
  }
}

/** The example picker: listed on first use (each call counts against the caller's rate limit), previewed on pick. */
function setupExamples() {
  const list = byId('example-list');
  const status = byId('examples-status');
  const category = byId('example-category');
  const preview = byId('example-preview');
  const details = new Map();
  let all = [];
  let selected = null;
  let loading = null;

  function render() {
    const shown = all.filter((e) => !category.value || e.category === category.value);
    clear(list);
    for (const example of shown) {
      const card = el('button', {
        type: 'button',
        class: 'example-card',
        role: 'radio',
        'aria-checked': String(example.name === selected),
        'data-name': example.name,
      },
      el('span', { class: 'title' }, example.title),
      el('span', { class: 'meta' }, `${example.category} · ${example.messages} messages`),
      el('span', { class: 'description' }, example.description));
      card.addEventListener('click', () => pick(example.name));
      list.append(card);
    }
    status.textContent = `${shown.length} example${shown.length === 1 ? '' : 's'}`;
  }

  async function pick(name) {
    selected = name;
    for (const card of list.querySelectorAll('.example-card')) card.setAttribute('aria-checked', String(card.dataset.name === name));
    try {
      if (!details.has(name)) details.set(name, await api.getExample(name));
      if (selected === name) showPreview(details.get(name));
    } catch (error) {
      status.textContent = error instanceof ApiProblem && error.status === 429
        ? `Preview unavailable: rate limit reached, retry in ${error.retryAfter ?? 60} s. The example can still be analysed.`
        : `Preview unavailable: ${error.message}`;
    }
  }

  function showPreview(example) {
    byId('example-preview-title').textContent = example.title;
    byId('example-preview-description').textContent = example.description;
    const messages = byId('example-preview-messages');
    clear(messages);
    for (const message of example.conversation?.messages ?? []) {
      messages.append(el('li', null,
        el('span', { class: 'speaker' }, message.speaker),
        el('span', { class: 'content' }, message.content)));
    }
    preview.hidden = false;
  }

  category.addEventListener('change', render);

  return {
    selected: () => (selected ? { name: selected, title: all.find((e) => e.name === selected)?.title ?? null } : null),
    load() {
      loading ??= api.listExamples().then((answer) => {
        all = answer.examples ?? [];
        for (const name of answer.categories ?? []) category.append(el('option', { value: name }, name));
        render();
      }).catch((error) => {
        loading = null;
        status.textContent = error instanceof ApiProblem && error.status === 429
          ? `Examples unavailable: rate limit reached, retry in ${error.retryAfter ?? 60} s.`
          : `Examples unavailable: ${error.message}`;
      });
      return loading;
    },
  };
}

// One analysis: follows its server-sent events (status/progress, then the terminal event carrying the resource),
// offers Cancel while it runs, renders the result, and downloads exports with the caller's credential.

import { byId, el, percent, duration } from './dom.js';
import { api, ApiProblem, attachmentName } from './api.js';
import { readEvents } from './sse.js';
import { showProblem, hideProblem } from './problems.js';
import { renderResult } from './result.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const MAX_RECONNECTS = 5;
const EXTENSIONS = { json: 'json', csv: 'csv', markdown: 'md' };

export class AnalysisView {
  #id = null;
  #abort = null;
  #status = null;

  constructor() {
    this.heading = byId('analysis-heading');
    this.problem = byId('analysis-problem');
    this.result = byId('result');
    this.exports = byId('exports');
    this.cancelButton = byId('cancel-button');
    this.cancelButton.addEventListener('click', () => this.#cancel());
    for (const button of this.exports.querySelectorAll('button[data-format]')) {
      button.addEventListener('click', () => this.#download(button));
    }
  }

  /** Shows analysis id. fresh: just submitted (queued), so go straight to its event stream. */
  async open(id, { fresh = false, title = null } = {}) {
    this.close();
    this.#id = id;
    const abort = new AbortController();
    this.#abort = abort;
    byId('analysis-id').textContent = id;
    this.heading.textContent = title || 'Analysis';
    this.exports.hidden = true;
    this.result.replaceChildren();
    hideProblem(this.problem);
    this.#showStatus(fresh ? 'queued' : null, 0);

    try {
      if (!fresh) {
        const resource = await api.analysis(id);
        if (abort.signal.aborted) return;
        if (TERMINAL.has(resource.status)) {
          this.#finish(resource);
          return;
        }
        this.#showResourceHead(resource);
        this.#showStatus(resource.status, resource.progress);
      }
      await this.#follow(abort.signal);
    } catch (error) {
      if (error?.name === 'AbortError' || abort.signal.aborted) return;
      this.#showStatus(error instanceof ApiProblem && error.status === 404 ? 'not found' : 'unavailable', 0);
      showProblem(this.problem, error);
    }
  }

  close() {
    this.#abort?.abort();
    this.#abort = null;
    this.#id = null;
  }

  async #follow(signal) {
    for (let attempt = 0; attempt <= MAX_RECONNECTS; attempt++) {
      const response = await api.events(this.#id, signal);
      let ended = false;
      await readEvents(response, (event) => {
        if (signal.aborted || ended) return;
        const data = JSON.parse(event.data);
        if (event.event === 'status') this.#showStatus(data.status, data.progress);
        else if (TERMINAL.has(event.event)) {
          ended = true;
          this.#finish(data);
        }
      });
      if (ended || signal.aborted) return;
      // The stream ended early (a proxy or server restart): read where things stand, then listen again.
      const resource = await api.analysis(this.#id);
      if (TERMINAL.has(resource.status)) {
        this.#finish(resource);
        return;
      }
      this.#showStatus(resource.status, resource.progress);
      await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
    }
    throw new ApiProblem(0, { title: 'Lost the live progress stream', detail: 'Reload the page to check on the analysis again.' });
  }

  #showResourceHead(resource) {
    if (resource.title) this.heading.textContent = resource.title;
  }

  #showStatus(status, progress) {
    this.#status = status;
    const value = Math.max(0, Math.min(1, Number(progress) || 0));
    const label = status ?? 'loading';
    const badge = byId('status-badge');
    badge.textContent = label;
    badge.dataset.status = label;
    const bar = byId('progress');
    bar.dataset.status = label;
    bar.setAttribute('aria-valuenow', String(Math.round(value * 100)));
    bar.setAttribute('aria-valuetext', `${label}, ${percent(value)}`);
    byId('progress-fill').style.width = `${(value * 100).toFixed(1)}%`;
    byId('progress-value').textContent = percent(value);
    this.cancelButton.hidden = !(status === 'queued' || status === 'running');
    byId('status-text').textContent = {
      queued: 'Queued — waiting for a worker to pick it up.',
      running: `Analysing… ${percent(value)} done.`,
      completed: 'Completed.',
      failed: 'The analysis failed.',
      cancelled: 'The analysis was cancelled.',
      loading: 'Loading…',
      'not found': 'No analysis with this id is visible to you.',
    }[label] ?? '';
  }

  #finish(resource) {
    this.#showResourceHead(resource);
    this.#showStatus(resource.status, resource.status === 'completed' ? 1 : resource.progress);
    if (resource.status === 'completed' && resource.result) {
      const took = resource.result.timings ? duration(((resource.result.timings.queue_ms ?? 0) + (resource.result.timings.analysis_ms ?? 0)) / 1000) : null;
      byId('status-text').textContent = took ? `Completed in ${took}.` : 'Completed.';
      renderResult(this.result, resource);
      this.exports.hidden = false;
    } else if (resource.status === 'failed') {
      showProblem(this.problem, new ApiProblem(0, {
        title: 'The analysis failed.',
        detail: resource.error ? `${resource.error.message} (${resource.error.code})` : 'No reason was recorded.',
      }));
    } else if (resource.status === 'completed') {
      byId('status-text').textContent = 'Completed, but the result is no longer available.';
    }
  }

  async #cancel() {
    const id = this.#id;
    if (!id) return;
    this.cancelButton.disabled = true;
    byId('status-text').textContent = 'Cancelling…';
    try {
      await api.cancel(id);
      // The event stream delivers the final "cancelled" event.
    } catch (error) {
      showProblem(this.problem, error);
    } finally {
      this.cancelButton.disabled = false;
    }
  }

  async #download(button) {
    const id = this.#id;
    const format = button.dataset.format;
    if (!id || !format) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    hideProblem(this.problem);
    try {
      const response = await api.export(id, format);
      const blob = await response.blob();
      const name = attachmentName(response, `analysis-${id}.${EXTENSIONS[format] ?? format}`);
      saveBlob(blob, name);
    } catch (error) {
      showProblem(this.problem, error);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Shows an API problem where the user is looking: the title, the detail, each invalid field as "path — message",
// how long to wait after a 429, and the trace id to quote when reporting it.

import { el } from './dom.js';
import { ApiProblem } from './api.js';

let countdown = null;

export function showProblem(container, error) {
  clearInterval(countdown);
  const problem = error instanceof ApiProblem ? error : new ApiProblem(0, { title: 'Something went wrong', detail: String(error?.message ?? error) });
  const children = [el('p', { class: 'problem-title' }, problem.title)];

  if (problem.status === 429) {
    const seconds = problem.retryAfter;
    const tier = problem.problem.tier ? `The ${problem.problem.tier} tier` : 'This tier';
    const per = problem.problem.window === 'day' ? 'per UTC day' : 'per minute';
    children.push(el('p', null, `${tier} allows ${problem.problem.limit ?? 'a limited number of'} requests ${per}, and they are used up.`));
    if (seconds !== null) {
      const wait = el('p', { class: 'retry-after', 'data-retry-after': String(seconds) }, retryText(seconds));
      children.push(wait);
      let left = seconds;
      countdown = setInterval(() => {
        left -= 1;
        wait.textContent = left > 0 ? retryText(left) : 'You can try again now.';
        if (left <= 0) clearInterval(countdown);
      }, 1000);
    }
    children.push(el('p', { class: 'hint' }, 'An API key raises the limit: use one from the key menu at the top right.'));
  } else if (problem.problem.detail && problem.fieldErrors.length === 0) {
    children.push(el('p', null, problem.problem.detail));
  }
  if (problem.status === 401) children.push(el('p', { class: 'hint' }, 'Check or forget the API key in the key menu at the top right.'));

  const fields = problem.fieldErrors;
  if (fields.length) {
    children.push(el('ul', { class: 'field-errors' }, fields.map(([path, message]) =>
      el('li', null, el('span', { class: 'path' }, path || '$'), ' — ', message))));
  }
  if (problem.traceId) children.push(el('p', { class: 'trace' }, `Trace id ${problem.traceId}`));

  container.replaceChildren(...children);
  container.dataset.status = String(problem.status);
  container.hidden = false;
}

export function hideProblem(container) {
  clearInterval(countdown);
  container.hidden = true;
  container.replaceChildren();
  delete container.dataset.status;
}

const retryText = (seconds) => `Retry after ${seconds} s.`;

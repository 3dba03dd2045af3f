// Element builders. Every string becomes a text node (never markup): transcripts and everything derived from them
// are untrusted, so nothing here ever touches innerHTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function apply(element, props) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.setAttribute('class', value);
    else if (name === 'text') element.textContent = String(value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  return element;
}

/** An HTML element: el('p', {class: 'hint'}, 'text', child…). */
export function el(tag, props, ...children) {
  return append(apply(document.createElement(tag), props), children);
}

/** An SVG element, attributes set verbatim (numbers are rounded to keep paths short). */
export function svg(tag, props, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined) continue;
    if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, typeof value === 'number' ? String(round(value)) : String(value));
  }
  return append(element, children);
}

export function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

export const byId = (id) => document.getElementById(id);

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const signedFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const percent = (value) => (typeof value === 'number' ? percentFormat.format(value) : '—');
export const decimal = (value) => (typeof value === 'number' ? decimalFormat.format(value) : '—');
export const signed = (value) => (typeof value === 'number' ? signedFormat.format(value) : '—');
export const dateTime = (value) => {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
};

/** Duration in ms or s, short and human. */
export function duration(seconds) {
  if (typeof seconds !== 'number') return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 90) return `${decimal(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 90) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Snake-case wire names read as words: turning_point → turning point. */
export const words = (value) => String(value ?? '').replaceAll('_', ' ');

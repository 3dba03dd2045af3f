// Charts as inline SVG, built element by element (no library, no markup strings). Colours come from app.css
// classes (s0…s7 per speaker or segment), so light and dark themes both apply. Every chart is role="img" with a
// text summary for screen readers; points and segments carry <title> tooltips.

import { el, svg, decimal, signed, percent, words, round } from './dom.js';

const WIDTH = 640;

/** Colour classes per speaker, in the order the participants are listed. */
export function speakerPalette(speakers) {
  const classes = new Map();
  for (const speaker of speakers) if (!classes.has(speaker)) classes.set(speaker, `s${classes.size % 8}`);
  return (speaker) => classes.get(speaker) ?? 's7';
}

function frame(height, label, className, width = WIDTH) {
  return svg('svg', {
    class: `chart ${className}`,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet',
  });
}

const ellipsis = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Sentiment over the conversation: one point per scored message (x = message index, y = score in -1..1), a line
 * through them, the zero line, and a dashed marker where the label shifts.
 */
export function sentimentChart(sentiment, colorOf) {
  const points = [...(sentiment.trajectory ?? [])].sort((a, b) => a.index - b.index);
  const height = 240;
  const pad = { left: 40, right: 14, top: 22, bottom: 30 };
  const first = points.length ? points[0].index : 0;
  const last = points.length ? points[points.length - 1].index : 1;
  const span = Math.max(1, last - first);
  const x = (index) => pad.left + ((index - first) / span) * (WIDTH - pad.left - pad.right);
  const y = (score) => pad.top + ((1 - Math.max(-1, Math.min(1, score))) / 2) * (height - pad.top - pad.bottom);

  const chart = frame(height,
    `Sentiment trajectory over ${points.length} messages: overall ${signed(sentiment.overall)} (${sentiment.label}), trend ${sentiment.trend}, ${(sentiment.shifts ?? []).length} shifts.`,
    'sentiment-chart');
  chart.append(svg('title', { text: 'Sentiment trajectory' }));

  for (const value of [1, 0.5, 0, -0.5, -1]) {
    chart.append(svg('line', { class: value === 0 ? 'zero' : 'grid', x1: pad.left, x2: WIDTH - pad.right, y1: y(value), y2: y(value) }));
    chart.append(svg('text', { x: pad.left - 8, y: y(value) + 4, 'text-anchor': 'end', text: signed(value) }));
  }
  for (const index of axisTicks(first, last, 8)) {
    chart.append(svg('text', { x: x(index), y: height - 10, 'text-anchor': 'middle', text: `#${index}` }));
  }

  for (const shift of sentiment.shifts ?? []) {
    const at = x(shift.index);
    const marker = svg('g', { class: 'shift-marker' },
      svg('title', { text: `Message #${shift.index}${shift.speaker ? ` (${shift.speaker})` : ''}: ${shift.from} → ${shift.to}` }),
      svg('line', { class: 'shift', x1: at, x2: at, y1: pad.top - 6, y2: height - pad.bottom }),
      svg('text', { class: 'shift-label', x: at, y: pad.top - 9, 'text-anchor': 'middle', text: arrowFor(shift) }));
    chart.append(marker);
  }

  if (points.length) {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${round(x(p.index), 1)} ${round(y(p.score), 1)}`).join(' ');
    chart.append(svg('path', { class: 'line', d }));
    for (const p of points) {
      chart.append(svg('circle', { class: `point ${colorOf(p.speaker)}`, cx: x(p.index), cy: y(p.score), r: points.length > 120 ? 2 : 3.5 },
        svg('title', { text: `#${p.index} ${p.speaker}: ${signed(p.score)}` })));
    }
  }
  return chart;
}

function arrowFor(shift) {
  const rank = { negative: 0, neutral: 1, positive: 2 };
  return (rank[shift.to] ?? 1) > (rank[shift.from] ?? 1) ? '▲' : '▼';
}

function axisTicks(first, last, count) {
  if (last <= first) return [first];
  const step = Math.max(1, Math.ceil((last - first) / count));
  const ticks = [];
  for (let index = first; index <= last; index += step) ticks.push(index);
  if (ticks[ticks.length - 1] !== last && last - ticks[ticks.length - 1] >= step / 2) ticks.push(last);
  return ticks;
}

/**
 * Horizontal bars: rows of {label, value (0..max), text, cls}. Used for participation (share of words) and for
 * counts such as dialectic moves.
 */
export function barChart(rows, { max, label, className = 'bars', width = WIDTH, labelWidth = 150, valueWidth = 130 }) {
  const rowHeight = 30;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const track = width - labelWidth - valueWidth;
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value), 0) || 1;
  const chart = frame(height, label, className, width);
  rows.forEach((row, i) => {
    const y = i * rowHeight + 4;
    const width = Math.max(row.value > 0 ? 2 : 0, (row.value / top) * track);
    chart.append(svg('g', { class: 'bar-row' },
      svg('title', { text: `${row.label}: ${row.text}` }),
      svg('text', { class: 'bar-label', x: 0, y: y + 15, text: ellipsis(row.label, Math.floor(labelWidth / 8)) }),
      svg('rect', { class: 'bar-track', x: labelWidth, y: y + 3, width: track, height: 16, rx: 4 }),
      svg('rect', { class: `bar ${row.cls ?? 's0'}`, x: labelWidth, y: y + 3, width, height: 16, rx: 4 }),
      svg('text', { class: 'bar-value', x: labelWidth + track + 10, y: y + 15, text: row.text })));
  });
  return chart;
}

export function participationChart(participants, colorOf) {
  const rows = participants.map((p) => ({
    label: p.speaker,
    value: p.share,
    text: `${percent(p.share)} · ${p.messages} msg${p.messages === 1 ? '' : 's'}`,
    cls: colorOf(p.speaker),
  }));
  const summary = participants.map((p) => `${p.speaker} ${percent(p.share)}`).join(', ');
  // Drawn narrow: it sits in a third of the page, and a narrow viewBox keeps its text readable there.
  return barChart(rows, { max: 1, label: `Share of words by participant: ${summary}.`, className: 'participation-chart', width: 360, labelWidth: 96, valueWidth: 104 });
}

/**
 * Topic segments along the conversation: one band, a block per segment from its first to its last message,
 * and a legend listing each segment's label and range. A segment that returns to an earlier topic keeps its colour.
 */
export function topicTimeline(segments, messageCount) {
  const sorted = [...segments].sort((a, b) => a.start_index - b.start_index);
  const height = 64;
  const pad = { left: 4, right: 4 };
  const end = Math.max(messageCount, ...sorted.map((s) => s.end_index + 1), 1);
  const x = (index) => pad.left + (index / end) * (WIDTH - pad.left - pad.right);
  const classes = [];
  sorted.forEach((segment, i) => {
    const earlier = typeof segment.returns_to === 'number' ? sorted.findIndex((s) => s.start_index === segment.returns_to) : -1;
    classes.push(earlier >= 0 && earlier < i ? classes[earlier] : `s${i % 8}`);
  });

  const chart = frame(height, `${sorted.length} topic segments: ${sorted.map((s) => s.label).join(', ')}.`, 'topics-chart');
  sorted.forEach((segment, i) => {
    const from = x(segment.start_index);
    const to = x(segment.end_index + 1);
    chart.append(svg('rect', { class: `segment ${classes[i]}`, x: from, y: 8, width: Math.max(2, to - from), height: 26, rx: 4 },
      svg('title', { text: `#${segment.start_index}–#${segment.end_index}: ${segment.label}${segment.keywords?.length ? ` (${segment.keywords.join(', ')})` : ''}` })));
    chart.append(svg('text', { class: 'segment-index', x: from + 2, y: 50, text: `#${segment.start_index}` }));
  });
  chart.append(svg('text', { class: 'segment-index', x: WIDTH - pad.right, y: 50, 'text-anchor': 'end', text: `#${end - 1}` }));

  const legend = el('ul', { class: 'legend' }, sorted.map((segment, i) =>
    el('li', null,
      el('span', { class: `swatch ${classes[i]}`, 'aria-hidden': 'true' }),
      `${segment.label} (#${segment.start_index}–#${segment.end_index})`)));
  return el('div', { class: 'topics-timeline' }, chart, legend);
}

/** A half-circle gauge for a 0..1 score, coloured by level. */
export function gauge(score, level, caption) {
  const value = Math.max(0, Math.min(1, Number(score) || 0));
  const cx = 100;
  const cy = 96;
  const r = 76;
  const angle = Math.PI * (1 - value);
  const endX = cx + r * Math.cos(angle);
  const endY = cy - r * Math.sin(angle);
  const chart = svg('svg', {
    class: 'chart gauge',
    viewBox: '0 0 200 124',
    role: 'img',
    'aria-label': `${caption}: ${percent(value)} (${level})`,
  });
  chart.append(svg('path', { class: 'gauge-track', d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}` }));
  if (value > 0) {
    chart.append(svg('path', { class: 'gauge-value', 'data-level': level, d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${round(endX, 1)} ${round(endY, 1)}` }));
  }
  chart.append(svg('text', { class: 'gauge-number', x: cx, y: cy - 8, 'text-anchor': 'middle', text: percent(value) }));
  chart.append(svg('text', { class: 'gauge-caption', x: cx, y: cy + 20, 'text-anchor': 'middle', text: words(level) }));
  return chart;
}

/** A thin 0..1 meter (e.g. balance) — a native <meter> keeps it accessible. */
export function meter(value, label) {
  return el('meter', { min: 0, max: 1, value: Math.max(0, Math.min(1, Number(value) || 0)), 'aria-label': label, title: `${label}: ${decimal(value)}` });
}

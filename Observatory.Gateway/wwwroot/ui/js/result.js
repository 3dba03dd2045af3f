// The result of a completed analysis as cards: overview, sentiment, participation, topics, key moments, insights,
// themes, dialectic, dynamics, recursion, confidence, security and engine. A pattern family the caller did not
// request is null and shows as "not requested". All text is set as text (transcript-derived strings are untrusted).

import { el, decimal, signed, percent, duration, dateTime, words } from './dom.js';
import { sentimentChart, participationChart, topicTimeline, gauge, barChart, speakerPalette, meter } from './charts.js';

function card(title, options, ...content) {
  const { wide = false, size = '', id, aside } = options ?? {};
  const classes = ['card', wide ? 'wide' : size].filter(Boolean).join(' ');
  const headingId = id ? `${id}-heading` : undefined;
  return el('section', { class: classes, id, 'aria-labelledby': headingId },
    el('div', { class: 'card-head' }, el('h2', { id: headingId }, title), aside ?? null),
    content);
}

function stats(entries) {
  return el('dl', { class: 'stats' }, entries.filter(Boolean).map(([label, value]) =>
    el('div', { class: 'stat' }, el('dt', null, label), el('dd', null, value))));
}

function keyValues(entries) {
  return el('dl', { class: 'kv' }, entries.filter(Boolean).flatMap(([label, value]) => [el('dt', null, label), el('dd', null, value)]));
}

const notRequested = (family) => el('p', { class: 'not-requested' }, `The ${family} pattern was not requested for this analysis.`);

const speakerAt = (result) => {
  const rows = new Map((result.messages ?? []).map((m) => [m.index, m.speaker]));
  return (index) => rows.get(index);
};

export function renderResult(container, resource) {
  const result = resource.result;
  container.replaceChildren();
  if (!result) return;

  const conversation = result.conversation ?? { participants: [] };
  const patterns = result.patterns ?? {};
  const participants = conversation.participants ?? [];
  const colorOf = speakerPalette(participants.map((p) => p.speaker));
  const speakerOf = speakerAt(result);

  container.append(
    overviewCard(result, conversation),
    sentimentCard(patterns.sentiment, colorOf),
    participationCard(participants, colorOf),
    topicsCard(patterns.topics, conversation.messages ?? 0),
    insightsCard(result.insights ?? []),
    keyMomentsCard(result.key_moments ?? [], speakerOf),
    themesCard(result.themes ?? []),
    dialecticCard(patterns.dialectic),
    dynamicsCard(patterns.dynamics, colorOf),
    recursiveCard(patterns.recursive),
    confidenceCard(result.confidence),
    securityCard(result.security),
    engineCard(result.engine, result.timings, resource),
  );
}

function overviewCard(result, conversation) {
  const detected = result.detected_patterns ?? [];
  return card('Overview', { wide: true, id: 'overview' },
    stats([
      ['Messages', String(conversation.messages ?? '—')],
      ['Participants', String((conversation.participants ?? []).length)],
      conversation.duration_seconds != null ? ['Duration', duration(conversation.duration_seconds)] : null,
      result.patterns?.sentiment ? ['Sentiment', `${signed(result.patterns.sentiment.overall)} ${result.patterns.sentiment.label}`] : null,
      result.confidence ? ['Confidence', `${percent(result.confidence.score)} ${result.confidence.level}`] : null,
    ]),
    el('h3', null, 'Detected patterns'),
    detected.length
      ? el('ul', { class: 'chips', id: 'detected-patterns' }, detected.map((kind) => el('li', { class: 'chip' }, words(kind))))
      : el('p', { class: 'muted' }, 'No notable pattern was detected.'));
}

function sentimentCard(sentiment, colorOf) {
  if (!sentiment) return card('Sentiment', { size: 'two-thirds', id: 'sentiment' }, notRequested('sentiment'));
  const bySpeaker = Object.entries(sentiment.by_speaker ?? {});
  return card('Sentiment', {
    size: 'two-thirds',
    id: 'sentiment',
    aside: el('span', { class: 'badge', 'data-kind': sentiment.label === 'negative' ? 'conflict' : sentiment.label === 'positive' ? 'agreement' : '' }, sentiment.label),
  },
  stats([
    ['Overall', signed(sentiment.overall)],
    ['Trend', words(sentiment.trend)],
    ['Slope', signed(sentiment.slope)],
    ['Shifts', String((sentiment.shifts ?? []).length)],
  ]),
  (sentiment.trajectory ?? []).length
    ? sentimentChart(sentiment, colorOf)
    : el('p', { class: 'muted' }, 'No message carried enough sentiment to plot.'),
  bySpeaker.length
    ? el('ul', { class: 'legend' }, bySpeaker.map(([speaker, score]) =>
      el('li', null, el('span', { class: `swatch ${colorOf(speaker)}`, 'aria-hidden': 'true' }), `${speaker}: ${signed(score)}`)))
    : null);
}

function participationCard(participants, colorOf) {
  return card('Participation', { size: 'third', id: 'participation' },
    participants.length ? participationChart(participants, colorOf) : el('p', { class: 'muted' }, 'No participants.'),
    participants.length
      ? el('table', { class: 'data' },
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Speaker'), el('th', { scope: 'col' }, 'Role'),
          el('th', { scope: 'col', class: 'num' }, 'Msgs'), el('th', { scope: 'col', class: 'num' }, 'Words'))),
        el('tbody', null, participants.map((p) => el('tr', null,
          el('td', null, p.speaker), el('td', null, words(p.role)),
          el('td', { class: 'num' }, String(p.messages)), el('td', { class: 'num' }, String(p.words))))))
      : null);
}

function topicsCard(topics, messageCount) {
  if (!topics) return card('Topics', { wide: true, id: 'topics' }, notRequested('topics'));
  const segments = topics.segments ?? [];
  const keywords = topics.keywords ?? [];
  return card('Topics', { wide: true, id: 'topics', aside: el('span', { class: 'muted' }, `${topics.shifts ?? 0} topic shift${topics.shifts === 1 ? '' : 's'}`) },
    segments.length ? topicTimeline(segments, messageCount) : el('p', { class: 'muted' }, 'No distinct topic segments.'),
    keywords.length
      ? [el('h3', null, 'Keywords'),
        el('ul', { class: 'chips' }, keywords.map((k) => el('li', { class: 'chip' }, k.term, el('span', { class: 'weight' }, decimal(k.weight)))))]
      : null);
}

function insightsCard(insights) {
  return card('Insights', { id: 'insights' },
    insights.length
      ? el('ul', { class: 'insights' }, insights.map((insight) => el('li', null, insight)))
      : el('p', { class: 'muted' }, 'No insights for this conversation.'));
}

function keyMomentsCard(moments, speakerOf) {
  return card('Key moments', { id: 'key-moments' },
    moments.length
      ? el('ol', { class: 'moments' }, moments.map((moment) => el('li', { class: 'moment' },
        el('div', { class: 'moment-head' },
          el('span', { class: 'badge', 'data-kind': moment.kind }, words(moment.kind)),
          el('span', null, `#${moment.index}${speakerOf(moment.index) ? ` · ${speakerOf(moment.index)}` : ''}`)),
        el('blockquote', null, moment.excerpt),
        moment.reason ? el('p', { class: 'reason' }, moment.reason) : null)))
      : el('p', { class: 'muted' }, 'No key moments stood out.'));
}

function themesCard(themes) {
  return card('Themes', { size: 'third', id: 'themes' },
    themes.length
      ? el('ul', { class: 'chips' }, themes.map((theme) => el('li', { class: 'chip', title: `${theme.message_indices?.length ?? 0} messages` },
        theme.label, el('span', { class: 'weight' }, decimal(theme.weight)))))
      : el('p', { class: 'muted' }, 'No themes.'));
}

function dialecticCard(dialectic) {
  if (!dialectic) return card('Dialectic', { size: 'two-thirds', id: 'dialectic' }, notRequested('dialectic'));
  const moves = dialectic.moves ?? {};
  const moveRows = ['claim', 'challenge', 'concession', 'clarification', 'synthesis'].map((move, i) => ({
    label: move, value: moves[move] ?? 0, text: String(moves[move] ?? 0), cls: `s${i}`,
  }));
  const exchanges = dialectic.exchanges ?? [];
  return card('Dialectic', { size: 'two-thirds', id: 'dialectic', aside: el('span', { class: 'badge' }, words(dialectic.structure)) },
    stats([
      ['Questions', String(dialectic.questions)],
      ['Answered', String(dialectic.answered)],
      ['Answered ratio', percent(dialectic.answered_ratio)],
      ['Structure', words(dialectic.structure)],
    ]),
    el('h3', null, 'Moves'),
    barChart(moveRows, { label: `Dialectic moves: ${moveRows.map((r) => `${r.label} ${r.value}`).join(', ')}.`, className: 'moves-chart' }),
    exchanges.length
      ? [el('h3', null, `Question and answer${exchanges.length > 1 ? 's' : ''}`),
        el('ul', { class: 'exchanges' }, exchanges.slice(0, 5).map((x) => el('li', null,
          el('div', { class: 'q' }, `#${x.question_index} Q: `, x.question),
          el('div', { class: 'a' }, `#${x.answer_index} A: `, x.answer)))),
        exchanges.length > 5 ? el('p', { class: 'muted' }, `…and ${exchanges.length - 5} more in the exports.`) : null]
      : null);
}

function dynamicsCard(dynamics, colorOf) {
  if (!dynamics) return card('Dynamics', { id: 'dynamics' }, notRequested('dynamics'));
  const wordsPerTurn = Object.entries(dynamics.words_per_turn ?? {});
  const questionRatio = dynamics.question_ratio ?? {};
  const response = dynamics.response_seconds ?? null;
  return card('Dynamics', { id: 'dynamics' },
    keyValues([
      ['Turns', String(dynamics.turns)],
      ['Balance', el('span', null, `${decimal(dynamics.balance)} `, meter(dynamics.balance, 'Balance (1 = perfectly even)'))],
      ['Dominant speaker', dynamics.dominant_speaker || '—'],
      ['Turn switch rate', percent(dynamics.turn_switch_rate)],
      dynamics.longest_streak ? ['Longest streak', `${dynamics.longest_streak.speaker} (${dynamics.longest_streak.messages} in a row)`] : null,
    ]),
    wordsPerTurn.length
      ? el('div', { class: 'table-scroll' }, el('table', { class: 'data' },
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Speaker'), el('th', { scope: 'col', class: 'num' }, 'Words/turn'),
          el('th', { scope: 'col', class: 'num' }, 'Questions'), response ? el('th', { scope: 'col', class: 'num' }, 'Median reply') : null)),
        el('tbody', null, wordsPerTurn.map(([speaker, value]) => el('tr', null,
          el('td', null, el('span', { class: `swatch ${colorOf(speaker)}`, 'aria-hidden': 'true' }), speaker),
          el('td', { class: 'num' }, decimal(value)),
          el('td', { class: 'num' }, percent(questionRatio[speaker])),
          response ? el('td', { class: 'num' }, response[speaker] != null ? duration(response[speaker]) : '—') : null)))))
      : null);
}

function recursiveCard(recursive) {
  if (!recursive) return card('Repetition', { id: 'recursive' }, notRequested('recursive'));
  const loops = recursive.loops ?? [];
  const callbacks = recursive.callbacks ?? [];
  return card('Repetition', { id: 'recursive' },
    stats([
      ['Repetition score', percent(recursive.repetition_score)],
      ['Loops', String(loops.length)],
      ['Callbacks', String(callbacks.length)],
    ]),
    loops.length
      ? el('ul', { class: 'exchanges' }, loops.slice(0, 6).map((loop) => el('li', null,
        el('div', { class: 'q' }, `“`, loop.phrase, `” × ${loop.occurrences}`),
        el('div', { class: 'a' }, `messages #${loop.start_index}–#${loop.end_index}`))))
      : el('p', { class: 'muted' }, 'Nothing loops.'),
    callbacks.length
      ? el('p', { class: 'muted' }, `Callbacks: `, callbacks.slice(0, 8).map((c) => `#${c.index}→#${c.refers_to_index} “${c.term}”`).join(', '))
      : null);
}

function confidenceCard(confidence) {
  if (!confidence) return card('Confidence', { size: 'third', id: 'confidence' }, el('p', { class: 'muted' }, 'No confidence assessment.'));
  const components = confidence.components ?? {};
  return card('Confidence', { size: 'third', id: 'confidence' },
    gauge(confidence.score, confidence.level, 'Confidence'),
    keyValues([
      ['Length', el('span', null, `${percent(components.length)} `, meter(components.length, 'Length'))],
      ['Clarity', el('span', null, `${percent(components.clarity)} `, meter(components.clarity, 'Clarity'))],
      ['Model certainty', components.model_certainty == null ? 'no model used' : el('span', null, `${percent(components.model_certainty)} `, meter(components.model_certainty, 'Model certainty'))],
    ]));
}

function securityCard(security) {
  if (!security) return card('Security', { size: 'third', id: 'security' }, el('p', { class: 'muted' }, 'No security findings.'));
  const injection = security.prompt_injection ?? { suspected: false, indices: [] };
  return card('Security', { size: 'third', id: 'security' },
    keyValues([
      ['Prompt injection', injection.suspected
        ? el('span', { class: 'badge warn' }, `suspected in #${(injection.indices ?? []).join(', #')}`)
        : el('span', { class: 'badge good' }, 'none suspected')],
      ['PII redacted', `${security.pii_redacted ?? 0} item${security.pii_redacted === 1 ? '' : 's'} in excerpts`],
      security.pii_found != null ? ['PII in the conversation', String(security.pii_found)] : null,
    ]));
}

function engineCard(engine, timings, resource) {
  const llm = engine?.llm ?? {};
  return card('Engine', { size: 'third', id: 'engine' },
    keyValues([
      ['Version', engine?.version ?? '—'],
      ['Language model', llm.used ? `used${llm.model ? ` (${llm.model})` : ''}` : `not used${llm.reason ? ` — ${llm.reason}` : ''}`],
      llm.used ? ['Tokens', `${llm.input_tokens ?? 0} in / ${llm.output_tokens ?? 0} out`] : null,
      timings ? ['Queued', duration((timings.queue_ms ?? 0) / 1000)] : null,
      timings ? ['Analysis', duration((timings.analysis_ms ?? 0) / 1000)] : null,
      ['Completed', dateTime(resource.completed_at)],
      resource.expires_at ? ['Result kept until', dateTime(resource.expires_at)] : null,
    ]));
}

// Server-sent events over fetch(): EventSource cannot send an Authorization header, so the stream is read with a
// streaming reader and its frames parsed here, following the WHATWG event-stream rules that matter to this API
// (event/data/id fields, comments, multi-line data, CR/LF/CRLF line ends, a frame ends at a blank line).

export class SseParser {
  #buffer = '';
  #event = '';
  #data = [];
  #id = null;
  #pendingCarriageReturn = false;

  /** Feeds decoded text; returns the events whose frames completed: [{event, data, id}]. */
  push(text) {
    const events = [];
    let chunk = text;
    // A CR at the end of the previous chunk may be half of a CRLF.
    if (this.#pendingCarriageReturn && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.#pendingCarriageReturn = false;
    this.#buffer += chunk;

    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.#line(this.#buffer.slice(start, i), events);
      if (c === '\r') {
        if (i + 1 < this.#buffer.length) {
          if (this.#buffer[i + 1] === '\n') i++;
        } else {
          this.#pendingCarriageReturn = true;
        }
      }
      start = i + 1;
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line, events) {
    if (line === '') {
      if (this.#data.length > 0) {
        events.push({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id });
      }
      this.#event = '';
      this.#data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }
}

/** Reads a text/event-stream response to its end, calling onEvent for each event. */
export async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
    }
    // An unterminated last frame is discarded, as EventSource does.
    for (const event of parser.push(decoder.decode())) onEvent(event);
  } finally {
    reader.releaseLock();
  }
}

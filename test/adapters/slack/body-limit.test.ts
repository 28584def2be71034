// A huge unsigned POST is refused by Bolt's body limit (HTTPReceiver `bodyLimit`) before it is
// buffered: the adapter runs in this process, so its resident memory shows what was kept.
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../adapters/slack/inbound/receiver.ts';
import { directMessage, eventCallback } from '../../fakes/slack/payloads.ts';
import { type SlackHarness, slackHarness, textOf, U } from './slack-harness.ts';

const MB = 1024 * 1024;
const BODY_BYTES = 50 * MB;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Memory {
  rss: number;
  /** Memory held by Buffers: where a buffered body would be. */
  buffers: number;
}

function memoryAfterGc(): Memory {
  gc();
  const { rss, arrayBuffers } = process.memoryUsage();
  return { rss, buffers: arrayBuffers };
}

interface Answer {
  status: number;
  /** Body bytes handed to the socket when the answer arrived. */
  sent: number;
  /** The highest memory seen while sending (before each 64 KB written, and at the answer). */
  peak: Memory;
}

/**
 * Streams `BODY_BYTES` of filler, unsigned, with a Content-Length or chunked, over a plain socket
 * (one reused buffer, so the sender itself allocates nothing per chunk); stops writing as soon as
 * the server answers, or ends the body, and resolves with the status.
 */
function postHuge(port: number, declareLength: boolean): Promise<Answer> {
  const piece = Buffer.alloc(64 * 1024, 'a');
  const chunk = declareLength
    ? piece
    : Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
  const head = [
    'POST /slack/events HTTP/1.1',
    `host: 127.0.0.1:${port}`,
    'content-type: application/json',
    declareLength ? `content-length: ${BODY_BYTES}` : 'transfer-encoding: chunked',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let reply = '';
    const peak: Memory = { rss: 0, buffers: 0 };
    const sample = () => {
      const { rss, arrayBuffers } = process.memoryUsage();
      const now = { rss, buffers: arrayBuffers };
      peak.rss = Math.max(peak.rss, now.rss);
      peak.buffers = Math.max(peak.buffers, now.buffers);
    };
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(reply);
      if (!status || answered) return;
      answered = true;
      sample();
      resolve({ status: Number(status[1]), sent, peak });
      socket.destroy();
    });
    socket.on('error', (e) => {
      if (!answered) reject(e);
    });
    socket.on('close', () => {
      if (!answered) reject(new Error(`closed without an answer after ${sent} bytes`));
    });
    const pump = () => {
      while (!answered && sent < BODY_BYTES) {
        sample();
        sent += piece.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!answered && !declareLength) socket.write('0\r\n\r\n');
    };
    socket.write(head);
    pump();
  });
}

describe('Slack HTTP body limit', () => {
  // One adapter for all: a second one started and stopped between measurements blurs the RSS.
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['with a Content-Length of 50 MB', true],
    ['chunked, 50 MB streamed', false],
  ])(
    'an unsigned POST %s is answered 413 without being buffered; the bot keeps serving',
    async (_name, declareLength) => {
      const port = h.adapter.port as number;
      const tooLarge = () => h.logger.lines.filter((l) => l.includes('slack.body_too_large'));
      const loggedBefore = tooLarge().length;
      const before = memoryAfterGc();
      const answer = await postHuge(port, declareLength);
      const rssGrowth = answer.peak.rss - before.rss;
      const buffersGrowth = answer.peak.buffers - before.buffers;

      expect(answer.status).toBe(413);
      // The answer came while the client was still sending: the rest was never read.
      expect(answer.sent).toBeLessThan(BODY_BYTES);
      expect(rssGrowth).toBeLessThan(30 * MB);
      expect(buffersGrowth).toBeLessThan(MAX_BODY_BYTES + 8 * MB);
      expect(tooLarge()).toHaveLength(loggedBefore + 1);

      // A normal signed event still opens a case and is acknowledged.
      const message = directMessage(U.egle, 'My badge no longer opens the door.');
      expect((await h.slack.event(eventCallback(message))).status).toBe(200);
      await h.fake.waitFor(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.args.thread_ts === message.ts &&
          textOf(c).includes('thank you for getting in touch'),
      );
    },
  );

  it('a signed body just under the limit is still read (the limit is not lower than it says)', async () => {
    // Valid JSON padded with spaces to just under the limit: Bolt reads it, verifies and answers.
    const message = directMessage(U.egle, 'Large paste follows.');
    const json = JSON.stringify(eventCallback(message));
    const body = json + ' '.repeat(MAX_BODY_BYTES - json.length - 16);
    const answer = await h.slack.raw(body, 'application/json');
    expect(answer.status).toBe(200);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === message.ts);
  });
});

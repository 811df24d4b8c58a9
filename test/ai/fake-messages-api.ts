import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply: the tool input the fake model "calls" the tool with, or plain text (no tool call). */
export type FakeReply = { toolInput: unknown } | { text: string };

export interface FakeMessagesApi {
  url: string;
  /** Request bodies received, in order. */
  requests: any[];
  /** Replies still to give, in order. */
  script(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server that answers POST /v1/messages like Anthropic's Messages
 * API, for the SDK's `baseURL`: each request takes the next scripted reply.
 */
export async function startFakeMessagesApi(): Promise<FakeMessagesApi> {
  const queue: FakeReply[] = [];
  const requests: any[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'not found' } }));
        return;
      }
      const parsed = JSON.parse(body);
      requests.push(parsed);
      const reply = queue.shift();
      if (!reply) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: 'no scripted reply' } }));
        return;
      }
      const content =
        'toolInput' in reply ? [{ type: 'tool_use', id: `toolu_${requests.length}`, name: parsed.tools?.[0]?.name ?? 'tool', input: reply.toolInput }] : [{ type: 'text', text: reply.text }];
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${requests.length}` }).end(
        JSON.stringify({
          id: `msg_${requests.length}`,
          type: 'message',
          role: 'assistant',
          model: parsed.model,
          content,
          stop_reason: 'toolInput' in reply ? 'tool_use' : 'end_turn',
          stop_sequence: null,
          usage: { input_tokens: 10, output_tokens: 10 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => queue.push(...replies),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

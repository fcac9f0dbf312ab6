import { once } from 'node:events';
import { Agent, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainableServer } from '../src/http-drain.js';

/** A server whose handler answers only when the test says so: `held` lists the responses waiting. */
async function heldServer() {
  const held: ServerResponse[] = [];
  const arrived: Array<() => void> = [];
  const http = drainableServer((_request, response) => {
    held.push(response);
    arrived.shift()?.();
  });
  http.server.listen(0, '127.0.0.1');
  await once(http.server, 'listening');
  const { port } = http.server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    ...http,
    held,
    agent,
    /** Sends a GET on the keep-alive agent; resolves with the response once its head arrives. */
    send(): { response: Promise<IncomingMessage>; handled: Promise<void> } {
      const handled = new Promise<void>((resolve) => arrived.push(resolve));
      const response = new Promise<IncomingMessage>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/', agent }, resolve).on('error', reject).end();
      });
      response.catch(() => {}); // some tests expect it to fail; each awaits it
      return { response, handled };
    },
  };
}

const body = async (response: IncomingMessage) => {
  let text = '';
  for await (const chunk of response) text += chunk;
  return text;
};

describe('drainableServer', () => {
  let agents: Agent[] = [];
  afterEach(() => {
    for (const agent of agents) agent.destroy();
    agents = [];
  });

  it('answers what is in progress when the drain begins, with Connection: close, then ends', async () => {
    const vault = await heldServer();
    agents.push(vault.agent);
    const first = vault.send();
    await first.handled;
    const drained = vault.drain(5_000);
    vault.held[0]?.end('late but answered');
    const response = await first.response;
    expect(response.headers.connection).toBe('close');
    expect(await body(response)).toBe('late but answered');
    expect(await drained).toEqual({ ended: true, cut: 0 });
  });

  it('keeps connections alive until the drain, and closes an idle one at once', async () => {
    const vault = await heldServer();
    agents.push(vault.agent);
    const first = vault.send();
    await first.handled;
    vault.held[0]?.end('ok');
    const response = await first.response;
    expect(response.headers.connection).toBe('keep-alive');
    const closed = once(response.socket, 'close');
    await body(response);
    expect(await vault.drain(5_000)).toEqual({ ended: true, cut: 0 });
    await closed;
  });

  it('closes a connection whose answer had begun before the drain once that answer ends', async () => {
    const vault = await heldServer();
    agents.push(vault.agent);
    const first = vault.send();
    await first.handled;
    const answer = vault.held[0] as ServerResponse;
    answer.writeHead(200, { 'content-type': 'text/plain' });
    answer.write('begun ');
    const response = await first.response;
    expect(response.headers.connection).toBe('keep-alive');
    const drained = vault.drain(5_000);
    answer.end('and finished');
    expect(await body(response)).toBe('begun and finished');
    expect(await drained).toEqual({ ended: true, cut: 0 });
  });

  it('cuts what is still in progress at the deadline, and says how many', async () => {
    const vault = await heldServer();
    agents.push(vault.agent);
    const first = vault.send();
    await first.handled;
    expect(await vault.drain(50)).toEqual({ ended: false, cut: 1 });
    await expect(first.response).rejects.toThrow(/socket hang up/);
  });
});

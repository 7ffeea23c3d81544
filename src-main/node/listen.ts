/** Start listening, with the browser host's fallback from a busy default port to a free one. */
import type { Server } from 'node:http';

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Listen on `host:port`; if the port is busy and `fallback` is set, take any free port. Returns the port. */
export async function listenWithFallback(
  server: Server,
  host: string,
  port: number,
  fallback: boolean,
): Promise<number> {
  try {
    return await listenOnce(server, host, port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (fallback && code === 'EADDRINUSE') return listenOnce(server, host, 0);
    if (code === 'EADDRINUSE')
      throw new Error(`Port ${port} on ${host} is already in use; choose another with --port.`);
    if (code === 'EADDRNOTAVAIL')
      throw new Error(`Cannot listen on ${host}: this machine has no such address.`);
    throw error;
  }
}

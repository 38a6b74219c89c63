import net from "node:net";

/**
 * A TCP relay between the app and its database that a test can cut and restore, like a database server going
 * away and coming back: cutting breaks every open connection and refuses new ones; restoring listens again on
 * the same port. No dependencies, so browser tests can use it too.
 */
export interface TcpRelay {
  readonly port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpRelay(target: { host: string; port: number }, listenPort = 0): Promise<TcpRelay> {
  const open = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = listenPort;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        const drop = () => {
          for (const sock of [client, upstream]) {
            sock.destroy();
            open.delete(sock);
          }
        };
        for (const sock of [client, upstream]) {
          open.add(sock);
          sock.on("error", drop).on("close", drop);
        }
        client.pipe(upstream).pipe(client);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const cut = async () => {
    const s = server;
    server = null;
    for (const sock of open) sock.resetAndDestroy();
    open.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut,
    restore: async () => {
      if (!server) await listen();
    },
    close: cut,
  };
}

/**
 * A stand-in PostgreSQL server that fails every connection the way a real one does when it is not taking
 * any: answer the startup message with a FATAL ErrorResponse carrying `sqlstate` (57P01 admin shutdown,
 * 57P03 cannot connect now, 53300 too many connections), hang up at once ("close"), or never answer ("silent").
 */
export async function startFailingPostgres(behaviour: { sqlstate: string } | "close" | "silent") {
  const open = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    open.add(sock);
    sock.on("error", () => open.delete(sock)).on("close", () => open.delete(sock));
    if (behaviour === "close") return void sock.destroy();
    if (behaviour === "silent") return;
    sock.once("data", () => {
      const fields = Buffer.from(`SFATAL\0VFATAL\0C${behaviour.sqlstate}\0Mthe database system is not accepting connections\0\0`);
      const head = Buffer.alloc(5);
      head.write("E", 0);
      head.writeInt32BE(fields.length + 4, 1);
      sock.end(Buffer.concat([head, fields]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const sock of open) sock.destroy();
        server.close(() => resolve());
      }),
  };
}

import { HubConnection, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { session } from "../auth/session";

/** Messages the /hubs/instances hub sends: status changes, journal entries and log lines. */
export type LiveMessage = "StatusChanged" | "Journal" | "Log";

let connection: HubConnection | null = null;
let starting: Promise<HubConnection> | null = null;
let connectedKey: string | null = null;

/** One shared hub connection per page; the key travels as ?access_token= because WebSockets cannot carry headers. */
export function liveConnection(): Promise<HubConnection> {
  if (connection && starting && connectedKey === session.key()) return starting;
  // Signed in with another key: the old connection carries the old key.
  if (connection) void connection.stop();
  connectedKey = session.key();
  connection = new HubConnectionBuilder()
    // In the URL, not accessTokenFactory: that sends negotiate an Authorization header, which the server does not read.
    .withUrl(`/hubs/instances?access_token=${encodeURIComponent(session.key() ?? "")}`)
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  const started = connection;
  starting = started.start().then(() => started);
  starting.catch(() => {
    if (connection !== started) return;
    connection = null;
    starting = null;
  });
  return starting;
}

/**
 * Follows one instance (or every instance when instanceId is null): calls the handler for each message and returns
 * a function that stops following.
 */
export function follow(instanceId: string | null, handlers: Partial<Record<LiveMessage, (payload: any) => void>>): () => void {
  let stopped = false;
  let hub: HubConnection | null = null;
  liveConnection()
    .then(async (h) => {
      if (stopped) return;
      hub = h;
      for (const [name, handler] of Object.entries(handlers)) h.on(name, handler!);
      await (instanceId ? h.invoke("Subscribe", instanceId) : h.invoke("SubscribeAll"));
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    if (!hub) return;
    for (const [name, handler] of Object.entries(handlers)) hub.off(name, handler!);
    (instanceId ? hub.invoke("Unsubscribe", instanceId) : hub.invoke("UnsubscribeAll")).catch(() => undefined);
  };
}

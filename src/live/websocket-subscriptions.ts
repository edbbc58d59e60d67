// graphql-ws (the graphql-transport-ws protocol) on the HTTP server's own port and path, for
// subscriptions only. Credentials come from connectionParams.Authorization (Basic), else the upgrade
// request's Authorization header, else the server's own. Every event runs in a fresh context made by the
// same factory as HTTP requests (new loaders, call budget, partial responses), and its errors are
// formatted as HTTP ones are. A subscriber that stops reading is cut off once its queue is full.
import type { IncomingHttpHeaders, Server } from "node:http";
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  GraphQLError as GraphQLErrorClass,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from "graphql";
import type { ConnectionInitMessage, Context as ConnectionContext } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { apiError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { Metrics } from "../core/metrics.js";
import type { Context } from "../../resolvers/context.js";
import { OperationProjection } from "../../datasources/projection/operation-projection.js";
import { selectedFields } from "../../datasources/projection/selected-fields.js";
import { mapEvents } from "../core/async-events.js";
import type { LiveConnection } from "../state/live-events.js";

/** WebSocket close code and reason for a subscriber that stopped reading (reason ≤ 123 bytes). */
export const SLOW_SUBSCRIBER_CLOSE = {
  code: 1008,
  reason: "Subscriber too slow: events piled up unread. Reconnect and read faster.",
};
const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A connection that cannot take its close frame is dropped after this long. */
const CLOSE_GRACE_MS = 1000;

export interface SubscriptionContextInput {
  req: { headers: IncomingHttpHeaders };
  connection?: LiveConnection;
}

export interface WebSocketSubscriptionsOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  context: (input: SubscriptionContextInput) => Promise<Context>;
  validationRules: readonly ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Most subscriptions one connection may hold at once. */
  maxSubscriptionsPerConnection: number;
  /** How often idle connections are pinged (a connection that does not answer is closed). */
  keepAliveMs: number;
  metrics: Metrics;
  log: Logger;
}

export interface WebSocketSubscriptions {
  /** Closes every connection (1001 Going away) and stops accepting new ones. */
  close(): Promise<void>;
}

type Connection = ConnectionContext<ConnectionInitMessage["payload"], Extra>;

/** Authorization from connectionParams wins over the upgrade request's header. */
function headersOf(connection: Connection): IncomingHttpHeaders {
  const params = connection.connectionParams ?? {};
  const fromParams = params.Authorization ?? params.authorization;
  const { headers } = connection.extra.request;
  return {
    authorization: typeof fromParams === "string" ? fromParams : headers.authorization,
    "x-request-id": headers["x-request-id"],
  };
}

export function startWebSocketSubscriptions(options: WebSocketSubscriptionsOptions): WebSocketSubscriptions {
  const { schema } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: MAX_MESSAGE_BYTES,
  });
  wss.on("connection", (socket) => {
    options.metrics.wsConnections.inc();
    socket.once("close", () => options.metrics.wsConnections.dec());
  });
  // Each subscription's context → its connection, and how to make the context of one of its events.
  const subscriptions = new WeakMap<
    object,
    { connection: Connection; eventContext: () => Promise<Context> }
  >();
  const openSubscriptions = new WeakMap<Connection, number>();
  const countOpen = (connection: Connection, delta: 1 | -1) => {
    openSubscriptions.set(connection, (openSubscriptions.get(connection) ?? 0) + delta);
    if (delta > 0) options.metrics.subscriptions.inc();
    else options.metrics.subscriptions.dec();
  };
  const rules = [...specifiedRules, ...options.validationRules];

  const format = (error: GraphQLError) => options.formatError(error.toJSON(), error);
  const formatResult = (result: ExecutionResult) =>
    result.errors ? { ...result, errors: result.errors.map(format) } : result;

  const cutOff = (connection: Connection) => {
    const { socket } = connection.extra;
    options.log.warn("subscriber cut off: too many unread events");
    socket.close(SLOW_SUBSCRIBER_CLOSE.code, SLOW_SUBSCRIBER_CLOSE.reason);
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  };

  async function subscribe(args: ExecutionArgs) {
    const subscription = subscriptions.get(args.contextValue as object);
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source) || subscription === undefined) return source as ExecutionResult;
    const { connection, eventContext } = subscription;
    countOpen(connection, 1);
    return mapEvents(
      source as AsyncIterableIterator<unknown>,
      async (event) => execute({ ...args, rootValue: event, contextValue: await eventContext() }),
      () => countOpen(connection, -1),
    );
  }

  const server = useServer(
    {
      schema,
      subscribe,
      async onSubscribe(connection, _id, payload) {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [
            new GraphQLErrorClass("Name the operation to run with operationName: the document has several."),
          ];
        }
        if (operation.operation !== "subscription") {
          return [
            apiError(
              "BAD_USER_INPUT",
              `Only subscriptions go over the WebSocket; send queries and mutations with HTTP POST to ${options.path}.`,
            ),
          ];
        }
        const open = openSubscriptions.get(connection) ?? 0;
        if (open >= options.maxSubscriptionsPerConnection) {
          return [
            apiError(
              "BAD_USER_INPUT",
              `This connection already has ${open} subscriptions, the most one may hold; complete one or open another connection.`,
            ),
          ];
        }
        const req = { headers: headersOf(connection) };
        const live: LiveConnection = { overflowed: () => cutOff(connection) };
        // Computed once per subscription, shared by the contexts of all its events.
        const selection = new OperationProjection(selectedFields(schema, document, operation));
        const makeContext = async () => {
          const context = await options.context({ req, connection: live });
          context.fieldProjection?.select(selection);
          return context;
        };
        const contextValue = await makeContext();
        subscriptions.set(contextValue, { connection, eventContext: makeContext });
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (_connection, _id, _payload, _args, result) => formatResult(result as ExecutionResult),
      onError: (_connection, _id, _payload, errors) => errors.map(format),
    },
    wss,
    options.keepAliveMs,
  );

  return {
    close: async () => {
      await server.dispose();
    },
  };
}

// The sandbox's express application: /v2 (CallFire's API, with fault injection) and /sandbox (its own).
import express, { type Express, type RequestHandler } from "express";
import type { DeliverySimulator } from "../domain/delivery-simulator.js";
import { campaignBatchesRoutes } from "../routes/campaign-batches.routes.js";
import { sandboxAdminRoutes } from "../routes/sandbox-admin.routes.js";
import { textAutoRepliesRoutes } from "../routes/text-auto-replies.routes.js";
import { textBroadcastsRoutes } from "../routes/text-broadcasts.routes.js";
import { textsRoutes } from "../routes/texts.routes.js";
import { webhooksRoutes } from "../routes/webhooks.routes.js";
import type { Store } from "../store/store.js";
import { authenticate } from "./auth.js";
import { errorHandler, unknownEndpoint } from "./errors.js";
import type { FaultController } from "./faults.js";
import { prepareRequestValidation } from "./request-validation.js";

export interface AppDependencies {
  store: Store;
  simulator: DeliverySimulator;
  faults: FaultController;
  log: (line: string) => void;
}

function requestLog(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on("finish", () => {
      const path = req.originalUrl.split("?")[0];
      log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
    next();
  };
}

export function createApp({ store, simulator, faults, log }: AppDependencies): Express {
  prepareRequestValidation();
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(requestLog(log));
  // CallFire's clients always send JSON; curl users often forget the Content-Type, so parse any body as JSON.
  const json = express.json({ limit: "5mb", type: () => true });

  const v2 = express.Router();
  // Broadcasts and auto-replies first: "/texts/:id" would otherwise capture "/texts/broadcasts".
  v2.use(
    textBroadcastsRoutes(store),
    textAutoRepliesRoutes(store),
    textsRoutes(store),
    campaignBatchesRoutes(store),
    webhooksRoutes(store),
  );
  app.use("/v2", faults.middleware(), authenticate(store), json, v2);
  app.use("/sandbox", authenticate(store), json, sandboxAdminRoutes(store, simulator, faults));

  app.use(unknownEndpoint);
  app.use(errorHandler(log));
  return app;
}

// /sandbox/*: what only the sandbox has. Inbound texts, driving the delivery simulator, fault settings.
import { Router } from "express";
import { badRequest } from "../domain/api-error.js";
import type { DeliverySimulator } from "../domain/delivery-simulator.js";
import { receiveText } from "../domain/texts.service.js";
import { serviceContext } from "../http/auth.js";
import { readInbound } from "../http/body-readers.js";
import { type FaultController, validateFaults } from "../http/faults.js";
import { queryInteger } from "../http/query-readers.js";
import { sendJson } from "../http/respond.js";
import type { Store } from "../store/store.js";

const MAX_TICKS = 100;

export function sandboxAdminRoutes(
  store: Store,
  simulator: DeliverySimulator,
  faults: FaultController,
): Router {
  const router = Router();

  router.post("/inbound", (req, res) => {
    sendJson(req, res, 201, receiveText(serviceContext(store, res), readInbound(req.body)));
  });

  /** Runs the simulator `count` times for the caller's account only. */
  router.post("/tick", (req, res) => {
    const count = queryInteger(req.query, "count") ?? 1;
    if (count < 1 || count > MAX_TICKS) throw badRequest(`count must be in [1, ${MAX_TICKS}]`);
    const { accountId } = serviceContext(store, res);
    const total = { ticks: count, selected: 0, finished: 0, broadcastsFinished: 0 };
    for (let i = 0; i < count; i += 1) {
      const summary = simulator.tick(accountId);
      total.selected += summary.selected;
      total.finished += summary.finished;
      total.broadcastsFinished += summary.broadcastsFinished;
    }
    sendJson(req, res, 200, total);
  });

  // Plain res.json: `failNext: null` is meaningful here, unlike CallFire's left-out nulls.
  router.get("/faults", (_req, res) => res.json(faults.settings));
  router.put("/faults", (req, res) => res.json(faults.update(validateFaults(req.body))));
  router.delete("/faults", (_req, res) => res.json(faults.reset()));

  return router;
}

// /v2/campaigns/batches/{id}: read a batch, switch it on or off (docs/callfire-api.md §Endpoints, 21–22).
import { Router } from "express";
import { notFound } from "../domain/api-error.js";
import { setBatchEnabled } from "../domain/broadcasts.service.js";
import { serviceContext } from "../http/auth.js";
import { readBatchUpdate } from "../http/body-readers.js";
import { pathId } from "../http/query-readers.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import type { Store } from "../store/store.js";

export function campaignBatchesRoutes(store: Store): Router {
  const router = Router();

  router.get("/campaigns/batches/:id", (req, res) => {
    const id = pathId(req.params.id);
    const batch = store.batches.get(serviceContext(store, res).accountId, id);
    if (batch === undefined) throw notFound("Batch", id);
    sendJson(req, res, 200, batch);
  });

  router.put("/campaigns/batches/:id", (req, res) => {
    const ctx = serviceContext(store, res);
    const id = pathId(req.params.id);
    const enabled = readBatchUpdate(req.body);
    if (enabled === undefined) {
      if (store.batches.record(ctx.accountId, id) === undefined) throw notFound("Batch", id);
    } else {
      setBatchEnabled(ctx, id, enabled);
    }
    sendEmpty(res);
  });

  return router;
}

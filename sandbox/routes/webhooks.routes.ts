// /v2/webhooks: find, create, get, update, delete webhooks, and the resources they can watch.
import { Router } from "express";
import { notFound } from "../domain/api-error.js";
import { WEBHOOK_RESOURCES, webhookEvent, webhookResource } from "../domain/webhook-resources.js";
import { serviceContext } from "../http/auth.js";
import { paging, pathId, queryBoolean, queryString } from "../http/query-readers.js";
import { page, sendEmpty, sendJson } from "../http/respond.js";
import { checkedBody } from "../http/request-validation.js";
import { readWebhook } from "../http/webhook-readers.js";
import { toPublicWebhook } from "../store/webhooks.repository.js";
import type { Store } from "../store/store.js";

const resourceOf = (resource: string) => ({ resource, supportedEvents: WEBHOOK_RESOURCES[resource] });

export function webhooksRoutes(store: Store): Router {
  const router = Router();

  router.get("/webhooks/resources", (req, res) => {
    sendJson(req, res, 200, { items: Object.keys(WEBHOOK_RESOURCES).map(resourceOf) });
  });

  router.get("/webhooks/resources/:resource", (req, res) => {
    sendJson(req, res, 200, resourceOf(webhookResource(String(req.params.resource))));
  });

  router.get("/webhooks", (req, res) => {
    const { accountId } = serviceContext(store, res);
    const window = paging(req.query);
    const resourceName = queryString(req.query, "resource");
    const resource = resourceName === undefined ? undefined : webhookResource(resourceName);
    const eventName = queryString(req.query, "event");
    const filter = {
      name: queryString(req.query, "name"),
      resource,
      event: eventName === undefined ? undefined : eventOfAnyResource(resource, eventName),
      callback: queryString(req.query, "callback"),
      enabled: queryBoolean(req.query, "enabled"),
    };
    const [webhooks, total] = store.webhooks.find(accountId, filter, window.limit, window.offset);
    sendJson(req, res, 200, page(webhooks.map(toPublicWebhook), total, window));
  });

  router.post("/webhooks", (req, res) => {
    const ctx = serviceContext(store, res);
    sendJson(req, res, 201, {
      id: store.webhooks.insert(
        ctx.accountId,
        readWebhook(checkedBody("createWebhook", req.body)),
        ctx.now(),
      ),
    });
  });

  router.get("/webhooks/:id", (req, res) => {
    const id = pathId(req.params.id);
    const webhook = store.webhooks.get(serviceContext(store, res).accountId, id);
    if (webhook === undefined) throw notFound("Webhook", id);
    sendJson(req, res, 200, toPublicWebhook(webhook));
  });

  router.put("/webhooks/:id", (req, res) => {
    const ctx = serviceContext(store, res);
    const id = pathId(req.params.id);
    if (
      !store.webhooks.update(
        ctx.accountId,
        id,
        readWebhook(checkedBody("updateWebhook", req.body)),
        ctx.now(),
      )
    )
      throw notFound("Webhook", id);
    sendEmpty(res, 200);
  });

  router.delete("/webhooks/:id", (req, res) => {
    const id = pathId(req.params.id);
    if (!store.webhooks.delete(serviceContext(store, res).accountId, id)) throw notFound("Webhook", id);
    sendEmpty(res, 204);
  });

  return router;
}

/** `event` filters in any case (the docs write `started`); without `resource` it is matched as written. */
function eventOfAnyResource(resource: string | undefined, event: string): string {
  if (resource !== undefined) return webhookEvent(resource, event);
  const known = new Set(Object.values(WEBHOOK_RESOURCES).flat());
  return [...known].find((name) => name.toLowerCase() === event.toLowerCase()) ?? event;
}

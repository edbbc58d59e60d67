// Writing responses the CallFire way: nulls left out, `fields` projections applied, empty bodies for actions.
import type { Request, Response } from "express";
import { applyFields, parseFields } from "./fields-filter.js";
import { queryString } from "./query-readers.js";

export function sendJson(req: Request, res: Response, status: number, body: unknown): void {
  const fields = queryString(req.query, "fields");
  const projected = fields === undefined ? body : applyFields(body, parseFields(fields));
  res
    .status(status)
    .type("application/json")
    .send(JSON.stringify(projected, (_key, value: unknown) => (value === null ? undefined : value)));
}

export function sendEmpty(res: Response, status = 200): void {
  res.status(status).end();
}

export function page<T>(items: T[], total: number, paging: { limit: number; offset: number }) {
  return { items, limit: paging.limit, offset: paging.offset, totalCount: total };
}

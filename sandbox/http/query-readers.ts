// Query parameters as CallFire encodes them (docs/callfire-api.md §Query encoding): repeated `id`, CSV
// `states`/`results`, `true`/`false`, ms integers. A malformed value is a 400 naming the parameter.
import type { Request } from "express";
import { badRequest } from "../domain/api-error.js";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

type Query = Request["query"];

function values(query: Query, name: string): string[] {
  const raw = query[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map((value) => String(value));
}

export function queryString(query: Query, name: string): string | undefined {
  const all = values(query, name);
  if (all.length > 1) throw badRequest(`Query parameter ${name} must be given once`);
  return all[0] === "" ? undefined : all[0];
}

function toInteger(name: string, text: string): number {
  const value = Number(text.trim());
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw badRequest(`Query parameter ${name} must be an integer, got "${text}"`);
  }
  return value;
}

export function queryInteger(query: Query, name: string): number | undefined {
  const text = queryString(query, name);
  return text === undefined ? undefined : toInteger(name, text);
}

/** A repeated parameter: `?id=1&id=2`. */
export function queryIntegers(query: Query, name: string): number[] | undefined {
  const all = values(query, name).filter((text) => text !== "");
  return all.length === 0 ? undefined : all.map((text) => toInteger(name, text));
}

export function queryBoolean(query: Query, name: string): boolean | undefined {
  const text = queryString(query, name)?.toLowerCase();
  if (text === undefined) return undefined;
  if (text !== "true" && text !== "false") throw badRequest(`Query parameter ${name} must be true or false`);
  return text === "true";
}

/** One comma-separated parameter: `?states=READY,FINISHED`. */
export function queryEnumList<T extends string>(
  query: Query,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const text = queryString(query, name);
  if (text === undefined) return undefined;
  return text.split(",").map((item) => {
    const value = item.trim().toUpperCase();
    if (!(allowed as readonly string[]).includes(value)) {
      throw badRequest(`Query parameter ${name}: unknown value "${item}"`, `Allowed: ${allowed.join(", ")}`);
    }
    return value as T;
  });
}

/** `limit` defaults to 100 and is capped at 1000; `offset` defaults to 0. */
export function paging(query: Query): { limit: number; offset: number } {
  const limit = queryInteger(query, "limit") ?? DEFAULT_LIMIT;
  const offset = queryInteger(query, "offset") ?? 0;
  if (limit < 1) throw badRequest("Query parameter limit must be at least 1");
  if (offset < 0) throw badRequest("Query parameter offset must not be negative");
  return { limit: Math.min(limit, MAX_LIMIT), offset };
}

export function pathId(text: string | string[] | undefined): number {
  const value = String(text);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw badRequest(`Path id must be a positive integer, got "${value}"`);
  }
  return Number(value);
}

// One page of a filtered list and the filter's total, as every paged CallFire find answers: the rows of
// `select` WHERE `where` in `orderBy` order, LIMIT and OFFSET applied, and COUNT(*) of `from` under the
// same filter.
import type { Db } from "./database.js";

export interface PagedFind {
  /** The SELECT up to its WHERE; its FROM is `from`, perhaps with joins. */
  select: string;
  /** The table as `where` names it, e.g. "texts t". */
  from: string;
  where: string;
  params: readonly unknown[];
  orderBy: string;
}

export function findPage<Row>(db: Db, find: PagedFind, limit: number, offset: number): [Row[], number] {
  const rows = db
    .prepare(`${find.select} WHERE ${find.where} ORDER BY ${find.orderBy} LIMIT ? OFFSET ?`)
    .all(...find.params, limit, offset) as Row[];
  const { total } = db
    .prepare(`SELECT COUNT(*) AS total FROM ${find.from} WHERE ${find.where}`)
    .get(...find.params) as { total: number };
  return [rows, total];
}

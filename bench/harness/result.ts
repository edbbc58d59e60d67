// What every benchmark hands the runner: tables to print and record, notes that say how to read them,
// and the raw numbers for bench/results/latest.json.
import type { Table } from "./table.js";

export interface ResultTable extends Table {
  caption: string;
}

export interface BenchmarkResult {
  tables: ResultTable[];
  notes: string[];
  /** Set when the benchmark could not run here; says why. */
  skipped?: string;
  data: unknown;
}

export interface Benchmark {
  /** For `npm run bench -- <id>`. */
  id: string;
  title: string;
  run(): Promise<BenchmarkResult>;
}

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

export interface RunOptions {
  /** `--soak`: the memory benchmark loads for 60 s instead of 20 s. */
  soak: boolean;
}

export interface Benchmark {
  /** For `npm run bench -- <id>`. */
  id: string;
  title: string;
  run(options: RunOptions): Promise<BenchmarkResult>;
}

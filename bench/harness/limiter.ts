// At most `max` tasks in flight, the rest queued first-in first-out: a browser's connection limit.

export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function limiter(max: number): Limit {
  let active = 0;
  const queue: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active += 1;
    // A finishing task hands its slot straight to the next one, so nobody can jump the queue.
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

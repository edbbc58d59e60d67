// Mapping an event stream without an async generator: a generator's return() waits for the pending
// next() to settle, so an unsubscribe would hang until the next event; this one ends the source at once.

/** Returned by `map` for an event to leave out. */
export const SKIP = Symbol("skip");

export function mapEvents<S, T>(
  source: AsyncIterator<S>,
  map: (event: S) => T | typeof SKIP | Promise<T | typeof SKIP>,
  onEnd: () => void = () => {},
): AsyncIterableIterator<T> {
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const finish = async (): Promise<IteratorResult<T>> => {
    end();
    await source.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      for (;;) {
        let result: IteratorResult<S>;
        try {
          result = await source.next();
        } catch (error) {
          end();
          throw error;
        }
        if (result.done) {
          end();
          return { value: undefined, done: true };
        }
        const mapped = await map(result.value);
        if (mapped !== SKIP) return { value: mapped, done: false };
      }
    },
    return: finish,
    async throw(error?: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/**
 * Per-request memoisation of lookups a request repeats (who may see which patient: lib/auth/policy.ts). Only
 * read requests get a memo (an API GET or HEAD in lib/api/route.ts, a page render in app/_server/page.ts): a
 * write may change what was looked up, so it always asks the database. Nothing outlives the request, so
 * nothing needs invalidating and nothing is shared between caregivers.
 */
export function withRequestMemo<T>(fn: () => T, memo: Map<string, Promise<unknown>> = new Map()): T {
  return storage.run(memo, fn);
}

/** `load()` once per key within a read request; every call outside one runs it. A failed load is not kept. */
export function memoised<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = storage.getStore();
  if (!memo) return load();
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = (async () => load())();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

/**
 * The X-Cache header of the last response per cacheable resource, recorded by the API
 * client so any component can show whether Redis answered (HIT), missed (MISS) or is
 * being bypassed (BYPASS, Redis down).
 */
import { useSyncExternalStore } from 'react';
import type { CacheStatus } from './api-client';

export interface CacheObservation {
  status: CacheStatus | null;
  at: number;
  /** Increases on every load, so a repeated HIT is still visibly a new observation. */
  seq: number;
}

type Listener = () => void;

let observations: Readonly<Record<string, CacheObservation>> = {};
let seq = 0;
const listeners = new Set<Listener>();

export function recordCacheStatus(resource: string, status: CacheStatus | null): void {
  seq += 1;
  observations = { ...observations, [resource]: { status, at: Date.now(), seq } };
  listeners.forEach((l) => l());
}

export function resetCacheStatus(): void {
  observations = {};
  listeners.forEach((l) => l());
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCacheObservation(resource: string): CacheObservation | undefined {
  return useSyncExternalStore(
    subscribe,
    () => observations[resource],
    () => undefined,
  );
}

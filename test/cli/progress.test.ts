/** The progress throttle: a fast loop's callback prints at most once per interval. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../../src/cli/progress.js';

describe('throttled progress', () => {
  afterEach(() => vi.useRealTimers());

  it('drops calls inside the interval and passes the first one after it', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const print = throttled((n: number) => seen.push(n), 2000);
    print(1); // at 0 ms: the interval has not passed since creation
    vi.advanceTimersByTime(1999);
    print(2);
    vi.advanceTimersByTime(1);
    print(3); // 2000 ms: printed
    print(4);
    vi.advanceTimersByTime(2500);
    print(5);
    expect(seen).toEqual([3, 5]);
  });
});

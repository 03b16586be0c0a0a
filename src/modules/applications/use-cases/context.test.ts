import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './context.ts';

describe('systemClock', () => {
  afterEach(() => vi.useRealTimers());

  it('turns to the next day exactly at midnight in its time zone, though it keeps the day between calls', () => {
    vi.useFakeTimers();
    const clock = systemClock('Asia/Shanghai');
    vi.setSystemTime(new Date('2026-01-31T15:59:59.999Z')); // 23:59:59.999 in Beijing
    expect(clock.today()).toBe('2026-01-31');
    vi.setSystemTime(new Date('2026-01-31T16:00:00.000Z')); // midnight
    expect(clock.today()).toBe('2026-02-01');
    const nepal = systemClock('Asia/Kathmandu'); // UTC+5:45
    vi.setSystemTime(new Date('2026-01-31T18:14:59.999Z'));
    expect(nepal.today()).toBe('2026-01-31');
    vi.setSystemTime(new Date('2026-01-31T18:15:00.000Z'));
    expect(nepal.today()).toBe('2026-02-01');
  });
});

import { describe, expect, it } from 'vitest';
import { backsOffInSplitBrain, preemptedBy, priorityWinner } from '../../../src/impl/index.js';

const node = (localId: number, activenessPriority: number | null = null) => ({ localId, activenessPriority });

describe('activeness rules (MNHA.md sections 3-5)', () => {
  it('priority decides an election only when both are set and differ', () => {
    expect(priorityWinner(node(1, 200), node(2, 100))).toBe('self');
    expect(priorityWinner(node(1, 100), node(2, 200))).toBe('peer');
    expect(priorityWinner(node(1, 100), node(2, 100))).toBeNull();
    expect(priorityWinner(node(1, 100), node(2))).toBeNull();
    expect(priorityWinner(node(1), node(2))).toBeNull();
  });

  it('in a split brain the lower local id backs off, unless the priorities decide', () => {
    expect(backsOffInSplitBrain(node(1), node(2))).toBe(true);
    expect(backsOffInSplitBrain(node(2), node(1))).toBe(false);
    expect(backsOffInSplitBrain(node(1, 200), node(2, 100))).toBe(false);
    expect(backsOffInSplitBrain(node(2, 100), node(1, 200))).toBe(true);
    // equal priorities fall back to the ids
    expect(backsOffInSplitBrain(node(1, 50), node(2, 50))).toBe(true);
  });

  it('an active node is preempted only by a higher-priority peer with preemption on', () => {
    expect(preemptedBy(node(1, 100), { ...node(2, 200), preemption: true })).toBe(true);
    expect(preemptedBy(node(1, 100), { ...node(2, 200), preemption: false })).toBe(false);
    expect(preemptedBy(node(1, 200), { ...node(2, 100), preemption: true })).toBe(false);
    expect(preemptedBy(node(1), { ...node(2, 200), preemption: true })).toBe(false);
  });
});

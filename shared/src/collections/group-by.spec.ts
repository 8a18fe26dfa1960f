import { describe, expect, it } from '@jest/globals';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('keeps each group in the order of the items, and the groups in the order first seen', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (item) => item[0]);
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });

  it('groups by keys of any type, and gives nothing for no items', () => {
    expect(groupBy([{ at: 1 }, { at: 2 }, { at: 1 }], (item) => item.at).get(1)).toEqual([{ at: 1 }, { at: 1 }]);
    expect(groupBy([], () => 'x').size).toBe(0);
  });
});

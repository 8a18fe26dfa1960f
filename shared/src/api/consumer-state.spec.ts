import { describe, expect, it } from '@jest/globals';
import { consumerBatchState } from './consumer-state.js';

const recall = {
  reasonCategory: 'contamination' as const,
  reason: 'Dư lượng kháng sinh',
  recalledAt: '2026-10-01T00:00:00Z',
  severity: 'class_i' as const,
  source: null,
};
const today = '2026-12-04';

describe('consumerBatchState', () => {
  it('says recalled when the batch, or a batch it was made from, is: never "in circulation" under a recall banner', () => {
    expect(
      consumerBatchState(
        {
          status: 'active',
          expiryDate: null,
          recall: { ...recall, source: { id: 'x', lotCode: 'CAM-1', productName: { vi: 'Cam', en: 'Orange' } } },
        },
        today,
      ),
    ).toBe('recalled');
    expect(consumerBatchState({ status: 'recalled', expiryDate: null, recall }, today)).toBe('recalled');
  });

  it('says expired once the expiry date has passed, not on the day itself', () => {
    expect(consumerBatchState({ status: 'active', expiryDate: '2026-12-03', recall: null }, today)).toBe('expired');
    expect(consumerBatchState({ status: 'active', expiryDate: '2026-12-04', recall: null }, today)).toBe('active');
  });

  it('keeps any other status as it is', () => {
    expect(consumerBatchState({ status: 'active', expiryDate: null, recall: null }, today)).toBe('active');
    expect(consumerBatchState({ status: 'on_hold', expiryDate: '2026-01-01', recall: null }, today)).toBe('on_hold');
    expect(consumerBatchState({ status: 'closed', expiryDate: null, recall: null }, today)).toBe('closed');
  });
});

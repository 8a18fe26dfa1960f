import { describe, expect, it } from '@jest/globals';
import { documentsOf } from './epcis-event.builder.js';

describe('documentsOf', () => {
  it.each([
    ['the portal form', { type: 'desadv', bizTransaction: 'urn:nguon:doc:desadv:PXK%2F12' }, { type: 'desadv', id: 'PXK/12' }],
    [
      'CBV 2.0 URN form',
      { type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:8938512000003:PXK-2612' },
      { type: 'desadv', id: 'PXK-2612' },
    ],
    [
      'a full CBV type',
      { type: 'urn:epcglobal:cbv:btt:po', bizTransaction: 'urn:epcglobal:cbv:bt:8938512000003:PO-7' },
      { type: 'po', id: 'PO-7' },
    ],
    [
      'a GS1 web vocabulary type',
      { type: 'https://ref.gs1.org/cbv/BTT-inv', bizTransaction: 'http://erp.example/inv/55' },
      { type: 'inv', id: 'http://erp.example/inv/55' },
    ],
    [
      'a number not validly %-encoded',
      { type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:8938512000003:100%' },
      { type: 'desadv', id: '100%' },
    ],
  ])('reads %s as people write it', (_, transaction, document) => {
    expect(documentsOf({ bizTransactionList: [transaction] })).toEqual([document]);
  });
});

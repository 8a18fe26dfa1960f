import { describe, expect, it } from '@jest/globals';
import { canonicalGs1Identifier, constrainDigitalLink, epcToDigitalLink, gs1IdentifierProblem } from './epc-to-digital-link.js';

describe('epcToDigitalLink', () => {
  it.each([
    ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
    ['urn:epc:id:sgtin:415056789012.0.987654', 'https://id.gs1.org/01/04150567890128/21/987654'],
    ['urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()', 'https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29'],
    ['urn:epc:id:sscc:4012345.0000000333', 'https://id.gs1.org/00/040123450000003338'],
    ['urn:epc:id:sscc:4012345.3111111111', 'https://id.gs1.org/00/340123451111111111'],
    ['urn:epc:id:sgln:0614141.07346.1234', 'https://id.gs1.org/414/0614141073467/254/1234'],
    ['urn:epc:id:sgln:4012345.00005.0', 'https://id.gs1.org/414/4012345000054'],
    ['urn:epc:id:pgln:4012345.00000', 'https://id.gs1.org/417/4012345000009'],
    ['urn:epc:id:pgln:999999999999.', 'https://id.gs1.org/417/9999999999994'],
    ['urn:epc:id:grai:4012345.00022.334455', 'https://id.gs1.org/8003/04012345000221334455'],
    ['urn:epc:id:giai:4000001.111', 'https://id.gs1.org/8004/4000001111'],
    ['urn:epc:id:gsrn:4012345.0000006765', 'https://id.gs1.org/8018/401234500000067657'],
    ['urn:epc:id:gsrnp:4012345.0000000007', 'https://id.gs1.org/8017/401234500000000074'],
    ['urn:epc:id:gdti:4012345.00009.PO-4711', 'https://id.gs1.org/253/4012345000092PO-4711'],
    ['urn:epc:id:gdti:987659999999..9', 'https://id.gs1.org/253/98765999999929'],
    ['urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234', 'https://id.gs1.org/8010/061414111111111111111-A%23%2F/8011/1234'],
    ['urn:epc:id:sgcn:4012345.99999.44', 'https://id.gs1.org/255/401234599999044'],
    ['urn:epc:id:ginc:0614141.xyz47%2F11', 'https://id.gs1.org/401/0614141xyz47%2F11'],
    ['urn:epc:id:gsin:4012345.222333444', 'https://id.gs1.org/402/40123452223334442'],
    ['urn:epc:id:itip:4012345.011111.01.02.987', 'https://id.gs1.org/8006/040123451111180102/21/987'],
    ["urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB", "https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB"],
    ['urn:epc:class:lgtin:4012345.012345.Lot987', 'https://id.gs1.org/01/04012345123456/10/Lot987'],
    ['urn:epc:idpat:sgtin:4054739.099914.*', 'https://id.gs1.org/01/04054739999148'],
    ['urn:epc:idpat:grai:4012345.66666.*', 'https://id.gs1.org/8003/04012345666663'],
    ['urn:epc:idpat:gdti:4012345.55555.*', 'https://id.gs1.org/253/4012345555554'],
    ['urn:epc:idpat:sgcn:4012345.99999.*', 'https://id.gs1.org/255/4012345999990'],
    ['urn:epc:idpat:cpi:4012345.ABC.*', 'https://id.gs1.org/8010/4012345ABC'],
    ['urn:epc:idpat:itip:4012345.012345.01.02.*', 'https://id.gs1.org/8006/040123451234560102'],
    ['urn:epc:idpat:upui:4012345.012345.*', 'https://id.gs1.org/01/04012345123456'],
  ])('%s → %s', (urn, link) => {
    expect(epcToDigitalLink(urn)).toBe(link);
  });

  it.each([
    'urn:epc:id:sgtin:0614141.10734.2017', // 12 digits instead of 13
    'urn:epc:id:sgtin:06141.1073466.2017', // company prefix too short
    'urn:epc:id:sgtin:0614141.107346.', // no serial
    'urn:epc:id:sgtin:0614141.107346.123456789012345678901', // serial longer than 20
    'urn:epc:id:sgtin:0614141.107346.a#b', // '#' is not allowed
    'urn:epc:id:sscc:4012345.000000033', // 16 digits
    'urn:epc:id:gid:95100000.12345.400', // not a GS1 key
    'urn:epc:id:nonsense:1',
    'urn:epcglobal:cbv:bt:0614141073467:1152',
    'https://id.gs1.org/01/10614141073464/21/2017',
    'plain text',
    '',
  ])('leaves %p unchanged', (value) => {
    expect(epcToDigitalLink(value)).toBe(value);
  });
});

describe('constrainDigitalLink', () => {
  it.each([
    ['https://id.gs1.org/01/10614141073464/21/2017', 'https://id.gs1.org/01/10614141073464/21/2017'],
    ['https://id.gs1.de/01/04012345999990/21/XYZ-1234', 'https://id.gs1.org/01/04012345999990/21/XYZ-1234'],
    ['https://example.com/gtin/09780345418913/21/765tz?abc=211121', 'https://id.gs1.org/01/09780345418913/21/765tz'],
    ['https://id.gs1.org/gtin/09780345418913', 'https://id.gs1.org/01/09780345418913'],
    ['https://shop.example.vn/r/01/8935049500018?17=261231', 'https://id.gs1.org/01/08935049500018'],
    ['https://id.gs1.org/01/08935049500018/22/V1/10/L1', 'https://id.gs1.org/01/08935049500018/10/L1'],
    ['https://id.gs1.org/01/08935049500018/22/V1', 'https://id.gs1.org/01/08935049500018'],
    ['https://id.gs1.org/01/08935049500018/10/L1/21/S1', 'https://id.gs1.org/01/08935049500018/21/S1'],
    ['http://id.example.com/414/4012345000115/254/1', 'https://id.gs1.org/414/4012345000115/254/1'],
    ['https://id.example.org/8004/401234599999', 'https://id.gs1.org/8004/401234599999'],
  ])('%s → %s', (uri, link) => {
    expect(constrainDigitalLink(uri)).toBe(link);
  });

  it.each([
    'http://transaction.acme.com/po/12345678',
    'https://www.ncbi.nlm.nih.gov/taxonomy/1126011',
    'http://www.opengis.net/def/crs/EPSG/0/27700',
  ])('is null for %p (not a Digital Link)', (uri) => {
    expect(constrainDigitalLink(uri)).toBeNull();
  });

  it('is null for a Digital Link outside the accepted forms', () => {
    expect(constrainDigitalLink('https://id.gs1.org/01/10614141073464/21/A%2FB')).toBeNull();
    expect(constrainDigitalLink('https://id.gs1.org/01/10614141073464/21/123456789012345678901')).toBeNull();
  });
});

describe('canonicalGs1Identifier', () => {
  it('normalises EPC URIs and Digital Links and nothing else', () => {
    expect(canonicalGs1Identifier('urn:epc:id:sgln:4012345.00011.987')).toBe('https://id.gs1.org/414/4012345000115/254/987');
    expect(canonicalGs1Identifier('https://id.gs1.de/414/4012345000115')).toBe('https://id.gs1.org/414/4012345000115');
    expect(canonicalGs1Identifier('geo:47.506694,11.104301')).toBeNull();
    expect(canonicalGs1Identifier('urn:epc:id:sgtin:bad')).toBeNull();
  });
});

describe('gs1IdentifierProblem', () => {
  it.each([
    'urn:epc:id:sgtin:0614141.107346.2017',
    'urn:epc:class:lgtin:4012345.012345.998877',
    'urn:epc:id:sgln:4012345.00011.987',
    'urn:epc:id:pgln:4012345.00011',
    'https://id.gs1.org/01/09520123456788/10/L1',
    'https://example.com/01/9520123456788/10/L1',
    'https://id.gs1.org/414/4012345000115/254/1',
    'https://example.com/417/4012345000115',
    'https://id.gs1.org/00/106141412345678908',
    // Not GS1 keys: other EPC schemes, other URIs, identifiers of the portal.
    'urn:epc:id:bic:CSQU3054383',
    'urn:epc:id:imovn:9176187',
    'http://transaction.acme.com/po/12345678',
    'urn:nguon:lot:AB12CD34EF',
  ])('finds nothing wrong with %s', (value) => {
    expect(gs1IdentifierProblem(value)).toBeNull();
  });

  it.each([
    // A company prefix and item reference of 7 + 5 digits: one short of a GTIN's 13.
    ['urn:epc:class:lgtin:4012345.01234.998877', 'epc_uri'],
    ['urn:epc:id:sgtin:0614141.10734.2017', 'epc_uri'],
    ['urn:epc:id:sgln:4012345.0001.0', 'epc_uri'],
    ['urn:epc:id:pgln:4012345.000111', 'epc_uri'],
    ['https://id.gs1.org/01/09520123456789/10/L1', 'check_digit'],
    ['https://example.com/01/9520123456789', 'check_digit'],
    ['https://example.com/414/4012345000116', 'check_digit'],
    ['https://id.gs1.org/417/4012345000114', 'check_digit'],
    ['https://id.gs1.org/00/106141412345678909', 'check_digit'],
  ])('finds %s wrong: %s', (value, problem) => {
    expect(gs1IdentifierProblem(value)).toBe(problem);
  });
});

import { LAWGATE_SEARCH_ATTRIBUTES, searchAttributeCliArgs } from './search-attributes';

describe(searchAttributeCliArgs.name, () => {
  it('should register every LawGate search attribute with its Temporal type', () => {
    expect(searchAttributeCliArgs()).toEqual([
      '--search-attribute',
      'LawGateProcedureType=Keyword',
      '--search-attribute',
      'LawGateStage=Keyword',
      '--search-attribute',
      'LawGateDepartment=Keyword',
      '--search-attribute',
      'LawGateDueTime=Datetime',
      '--search-attribute',
      'LawGateDocumentNumber=Keyword',
      '--search-attribute',
      'LawGateCaseNumber=Keyword',
    ]);
    expect(new Set(LAWGATE_SEARCH_ATTRIBUTES.map((k) => k.name)).size).toBe(LAWGATE_SEARCH_ATTRIBUTES.length);
  });
});

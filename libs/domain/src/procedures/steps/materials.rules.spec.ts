import { DocumentKind } from '../../documents';
import { missingMaterials } from './materials.rules';

describe('materials rules', () => {
  const required = [
    { kind: DocumentKind.Draft, label: '草案' },
    { kind: DocumentKind.BasisList, label: '制定依据' },
  ];

  it('should name each missing material with its kind', () => {
    expect(missingMaterials(required, {})).toEqual(['草案（DRAFT）', '制定依据（BASIS_LIST）']);
    expect(missingMaterials(required, { [DocumentKind.Draft]: {} })).toEqual(['制定依据（BASIS_LIST）']);
  });

  it('should find nothing missing once every material is held', () => {
    expect(missingMaterials(required, { [DocumentKind.Draft]: {}, [DocumentKind.BasisList]: {} })).toEqual([]);
  });
});

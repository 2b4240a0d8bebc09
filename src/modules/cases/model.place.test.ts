// The area of a case after staff set or clear its point
// (docs/product.md#address-and-point-of-a-case, docs/product.md#area-from-the-point).
import { describe, expect, it } from 'vitest';
import { areaAfterPointChange } from './model.js';

describe('areaAfterPointChange', () => {
  it('keeps an area chosen explicitly, whatever the point says', () => {
    expect(areaAfterPointChange({ areaId: 'noord', areaFromPoint: false }, { hasPoint: true, areaOfPoint: 'zuid' })).toEqual({
      areaId: 'noord',
      areaFromPoint: false,
    });
    expect(areaAfterPointChange({ areaId: 'noord', areaFromPoint: false }, { hasPoint: false, areaOfPoint: null })).toEqual({
      areaId: 'noord',
      areaFromPoint: false,
    });
  });

  it('lets the new point decide an area that came from the point, or no area', () => {
    expect(areaAfterPointChange({ areaId: 'noord', areaFromPoint: true }, { hasPoint: true, areaOfPoint: 'zuid' })).toEqual({
      areaId: 'zuid',
      areaFromPoint: true,
    });
    expect(areaAfterPointChange({ areaId: 'noord', areaFromPoint: true }, { hasPoint: true, areaOfPoint: null })).toEqual({
      areaId: null,
      areaFromPoint: false,
    });
  });

  it('gives a case without an area the area of its new point', () => {
    expect(areaAfterPointChange({ areaId: null, areaFromPoint: false }, { hasPoint: true, areaOfPoint: 'zuid' })).toEqual({
      areaId: 'zuid',
      areaFromPoint: true,
    });
  });

  it('drops the area from the point when the point is cleared', () => {
    expect(areaAfterPointChange({ areaId: 'noord', areaFromPoint: true }, { hasPoint: false, areaOfPoint: 'noord' })).toEqual({
      areaId: null,
      areaFromPoint: false,
    });
  });
});

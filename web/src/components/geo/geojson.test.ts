import { describe, expect, it } from 'vitest';
import { geometryOf } from './geojson.js';

const polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [5.3, 52.1],
      [5.4, 52.1],
      [5.4, 52.2],
      [5.3, 52.1],
    ],
  ],
};
const multi = { type: 'MultiPolygon', coordinates: [polygon.coordinates] };

describe('geometryOf', () => {
  it.each([
    ['a Polygon', polygon, polygon],
    ['a MultiPolygon', multi, multi],
    ['a Feature', { type: 'Feature', properties: { naam: 'Centrum' }, geometry: polygon }, polygon],
    ['a FeatureCollection of one Feature', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: multi }] }, multi],
    [
      'a FeatureCollection of two Features',
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: polygon },
          { type: 'Feature', geometry: polygon },
        ],
      },
      null,
    ],
    ['a Point', { type: 'Point', coordinates: [5.3, 52.1] }, null],
    ['a Feature without a geometry', { type: 'Feature', geometry: null }, null],
    ['not an object', 'Polygon', null],
    ['null', null, null],
  ])('%s', (_what, json, expected) => {
    expect(geometryOf(json)).toEqual(expected);
  });
});

// Places: address suggestions (PDOK's Locatieserver), the areas' boundaries and the
// area of a point (docs/geo.md). The module's public face: what other modules, the
// composition root, the demo and other modules' tests may use.

export { type Boundary, isProblem, type Place, type Point, placeOf } from './model.js';
export { geoPolicy } from './policy.js';
export { geoRoutes } from './routes.js';
export { areaForPoint, listAreaBoundaries, removeAreaBoundary, setAreaBoundary } from './service.js';

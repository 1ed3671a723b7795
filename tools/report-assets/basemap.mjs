// Builds src/main/resources/org/silkrail/report/basemap.geojson: the Natural Earth 1:50m
// country outlines (public domain; via the world-atlas package's TopoJSON, Natural Earth 4.1)
// of every country with land between 25°W and 150°E, 5°N and 78°N, simplified on the shared
// topology (so that neighbours keep one common border) and rounded to 0.01° (about 1 km, far
// below a pixel of the report's map). The report clips it to the network's extent.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const out = process.argv[2];
// Visvalingam weight (planar triangle area, degrees²) below which a point is dropped: 0.01 deg²
// keeps the Bosporus, the Kerch strait and the Caspian's bays at the report's zoom
const MIN_WEIGHT = Number(process.env.MIN_WEIGHT || 0.01);
const REGION = { west: -25, east: 150, south: 5, north: 78 };
// Natural Earth 4.1 predates the country's English short name in UN use since 2022
const NAMES = { TR: 'Türkiye', CZ: 'Czechia', MK: 'North Macedonia' };

const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8'));
const simple = simplify(presimplify(topology), MIN_WEIGHT);
const round = (v) => Math.round(v * 100) / 100;

function ring(points) {
  const r = [];
  for (const [lon, lat] of points) {
    const p = [round(lon), round(lat)];
    const last = r[r.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) {
      r.push(p);
    }
  }
  return r.length >= 4 ? r : null;
}

function inRegion(polygon) {
  return polygon[0].some(([lon, lat]) => lon >= REGION.west && lon <= REGION.east
      && lat >= REGION.south && lat <= REGION.north);
}

const features = [];
for (const geometry of simple.objects.countries.geometries) {
  const f = topojson.feature(simple, geometry);
  if (!f.geometry) {
    continue;
  }
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
    .map((poly) => poly.map(ring).filter((r) => r !== null))
    .filter((poly) => poly.length > 0 && inRegion(poly));
  if (polygons.length === 0) {
    continue;
  }
  const iso = countries.numericToAlpha2(geometry.id) || '';
  features.push({
    type: 'Feature',
    properties: { name: NAMES[iso] || f.properties.name, iso_a2: iso },
    geometry: { type: 'MultiPolygon', coordinates: polygons }
  });
}
features.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
const collection = {
  type: 'FeatureCollection',
  source: 'Natural Earth 1:50m Admin 0 countries, version 4.1.0 (public domain), via world-atlas 2.0.2;'
    + ' simplified (Visvalingam, ' + MIN_WEIGHT + ' deg²) and rounded to 0.01°',
  features
};
writeFileSync(out, JSON.stringify(collection));
console.log(out + ': ' + features.length + ' countries');

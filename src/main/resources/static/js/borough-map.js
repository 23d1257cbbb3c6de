// A Leaflet map over the city's boroughs, drawn from the bundled GeoJSON so it is useful without a
// tile server; tiles are added only when one is configured (data-tile-url on the map element).
// Leaflet itself is loaded as a classic script before the page's map module, as window.L.

const OUTLINE = { color: '#1d70b8', weight: 1.5, fillColor: '#1d70b8', fillOpacity: 0.06 };

export async function boroughMap(element) {
  const L = window.L;
  element.hidden = false;
  const tiles = element.dataset.tileUrl;
  const map = L.map(element, { attributionControl: Boolean(tiles), zoomSnap: 0.5 });
  if (tiles) {
    L.tileLayer(tiles, { attribution: element.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  const response = await fetch(element.dataset.boroughs, { headers: { Accept: 'application/geo+json' } });
  if (!response.ok) {
    throw new Error(`The borough outlines could not be loaded (${response.status})`);
  }
  const geoJson = await response.json();
  const outlines = L.geoJSON(geoJson, {
    style: OUTLINE,
    onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties.name, { sticky: true }),
  });
  // Leaflet draws vectors only once the map has a view.
  map.fitBounds(outlines.getBounds());
  outlines.addTo(map);
  return { L, map, boroughAt: (lat, lon) => boroughAt(geoJson, lat, lon) };
}

/** The name of the borough a point lies in, or null: the same answer the server gives on saving. */
function boroughAt(geoJson, lat, lon) {
  const feature = geoJson.features.find((f) => polygonsOf(f.geometry).some((rings) => inPolygon(rings, lon, lat)));
  return feature ? feature.properties.name : null;
}

function polygonsOf(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Inside the outer ring and outside every hole (ray casting; GeoJSON is [longitude, latitude]). */
function inPolygon(rings, x, y) {
  return inRing(rings[0], x, y) && !rings.slice(1).some((hole) => inRing(hole, x, y));
}

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

export const SITE_STYLE = { radius: 8, color: '#0b0c0c', weight: 2, fillColor: '#d4351c', fillOpacity: 0.9 };

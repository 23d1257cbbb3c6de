// The map behind the alert pages: the city's boroughs from the bundled GeoJSON (tiles only when
// configured), each borough's layer kept by name so an alert's boroughs can be picked out, and the
// alert's own shape (polygon or circle) drawn over them. Leaflet is loaded before, as window.L.

export const OUTLINE = { color: '#1d70b8', weight: 1.5, fillColor: '#1d70b8', fillOpacity: 0.06 };
export const CHOSEN = { color: '#d4351c', weight: 3, fillColor: '#d4351c', fillOpacity: 0.25 };
export const SHAPE = { color: '#d4351c', weight: 3, fillColor: '#d4351c', fillOpacity: 0.2 };
export const CORNER = { radius: 5, color: '#0b0c0c', weight: 2, fillColor: '#d4351c', fillOpacity: 1 };

export async function areaMap(element) {
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
  const boroughs = new Map();
  const outlines = L.geoJSON(await response.json(), {
    style: OUTLINE,
    onEachFeature: (feature, layer) => {
      layer.bindTooltip(feature.properties.name, { sticky: true });
      boroughs.set(feature.properties.name, layer);
    },
  });
  // Leaflet draws vectors only once the map has a view.
  map.fitBounds(outlines.getBounds());
  outlines.addTo(map);
  return { L, map, boroughs, outlines };
}

/** Picks out the named boroughs; answers their bounds, or null when none is named. */
export function chooseBoroughs(L, boroughs, names) {
  const bounds = L.latLngBounds([]);
  for (const [name, layer] of boroughs) {
    const chosen = names.has(name);
    layer.setStyle(chosen ? CHOSEN : OUTLINE);
    if (chosen) {
      layer.bringToFront();
      bounds.extend(layer.getBounds());
    }
  }
  return bounds.isValid() ? bounds : null;
}

/** Corners written as "lat,lon;lat,lon;...": the ones that read as numbers on the globe. */
export function corners(text) {
  return (text || '')
    .split(/[;\n]+/)
    .map((pair) => pair.split(',').map((n) => Number.parseFloat(n)))
    .filter((p) => p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]) <= 90 && Math.abs(p[1]) <= 180);
}

/** A corner as the form writes it: six decimals, about 10 cm. */
export function corner(latlng) {
  return `${latlng.lat.toFixed(6)},${latlng.lng.toFixed(6)}`;
}

/** Fits the view to bounds without zooming in past a street's scale. */
export function show(map, bounds) {
  if (bounds && bounds.isValid()) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
  }
}

// Shows an organisation's sites (listed on the page with data-latitude and data-longitude) on a
// map of the boroughs. The list stays the way to read them without JavaScript.
import { boroughMap, SITE_STYLE } from './borough-map.js';

const element = document.getElementById('organisation-map');
const sites = [...document.querySelectorAll('[data-site]')].map((item) => ({
  lat: Number(item.dataset.latitude),
  lon: Number(item.dataset.longitude),
  name: item.dataset.name,
}));

if (element && window.L && sites.length > 0) {
  const { L, map } = await boroughMap(element);
  const markers = sites.map((site) => L.circleMarker([site.lat, site.lon], SITE_STYLE).bindTooltip(site.name));
  const group = L.featureGroup(markers).addTo(map);
  map.fitBounds(group.getBounds(), { maxZoom: 13, padding: [40, 40] });
}

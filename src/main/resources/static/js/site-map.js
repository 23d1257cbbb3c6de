// The site form's map: clicking it places the site and fills in the latitude and longitude inputs,
// which stay the way to enter a point without JavaScript or a mouse. Typing coordinates moves the
// marker there. Says which borough the point is in, as the server will when it is saved.
import { boroughMap, SITE_STYLE } from './borough-map.js';

const element = document.getElementById('site-map');
const latitude = document.getElementById('latitude');
const longitude = document.getElementById('longitude');
const status = document.getElementById('site-map-borough');

if (element && window.L && latitude && longitude) {
  const { L, map, boroughAt } = await boroughMap(element);
  let marker = null;

  const place = (lat, lon, centre) => {
    if (marker) {
      marker.setLatLng([lat, lon]);
    } else {
      marker = L.circleMarker([lat, lon], SITE_STYLE).addTo(map);
    }
    if (centre) {
      map.setView([lat, lon], Math.max(map.getZoom(), 15));
    }
    const borough = boroughAt(lat, lon);
    status.textContent = borough
      ? `This point is in ${borough}.`
      : 'This point is outside every borough of the city.';
  };

  const typed = () => {
    const lat = Number.parseFloat(latitude.value);
    const lon = Number.parseFloat(longitude.value);
    return Number.isFinite(lat) && Number.isFinite(lon) ? [lat, lon] : null;
  };

  const start = typed();
  if (start) {
    place(start[0], start[1], true);
  }
  map.on('click', (event) => {
    latitude.value = event.latlng.lat.toFixed(6);
    longitude.value = event.latlng.lng.toFixed(6);
    place(event.latlng.lat, event.latlng.lng, false);
  });
  for (const input of [latitude, longitude]) {
    input.addEventListener('change', () => {
      const point = typed();
      if (point) {
        place(point[0], point[1], true);
      }
    });
  }
}

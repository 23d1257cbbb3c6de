// The report form, enhanced: the map places the point (and says which borough it is in), choosing a
// site or the map ticks the matching radio button, "Call 999 now" shows the moment immediate danger
// is chosen, and the autosave (htmx posts the form as it is typed) says when it could not save.
// Without JavaScript every part still works: the point is typed, and the warning shows once the form
// has been sent.
import { areaMap, CORNER } from './alert-area.js';

const form = document.querySelector('#report-form');
if (form) {
  dangerWarning(form);
  autosaveStatus(form);
  chooseSite(form);
  placeOnMap(form);
}

function dangerWarning(form) {
  const warning = document.querySelector('#danger-warning');
  const show = () => {
    warning.hidden = form.querySelector('input[name=immediateDanger]:checked')?.value !== 'yes';
  };
  form.querySelectorAll('input[name=immediateDanger]').forEach((radio) => radio.addEventListener('change', show));
}

function autosaveStatus(form) {
  const status = document.querySelector('#draft-status');
  const unsaved = () => {
    status.textContent = 'Not saved just now: Cascade could not be reached. Your report is still here, and will be '
      + 'saved when you next type or send it.';
  };
  form.addEventListener('htmx:sendError', unsaved);
  form.addEventListener('htmx:responseError', unsaved);
}

/** Fires what typing would, so the autosave sees a value set by the page. */
function changed(input) {
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function chooseSite(form) {
  const site = form.querySelector('#site');
  const radio = form.querySelector('input[name=place][value=site]');
  if (site && radio) {
    site.addEventListener('change', () => {
      if (site.value) {
        radio.checked = true;
      }
    });
  }
}

async function placeOnMap(form) {
  const element = form.querySelector('#report-map');
  if (!element || !window.L) {
    return;
  }
  const latitude = form.querySelector('#lat');
  const longitude = form.querySelector('#lon');
  const radio = form.querySelector('input[name=place][value=point]');
  const borough = document.querySelector('#where-borough');
  const { L, map, boroughs } = await areaMap(element);
  let marker = null;

  const place = (lat, lon, fit) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      return;
    }
    if (marker) {
      marker.setLatLng([lat, lon]);
    } else {
      marker = L.circleMarker([lat, lon], { ...CORNER, radius: 8 }).addTo(map);
    }
    if (fit) {
      map.setView([lat, lon], 14);
    }
  };
  place(Number.parseFloat(latitude.value), Number.parseFloat(longitude.value), true);

  let clickedBorough = null;
  for (const [name, layer] of boroughs) {
    layer.on('click', () => {
      clickedBorough = name;
    });
  }
  map.on('click', (event) => {
    latitude.value = event.latlng.lat.toFixed(6);
    longitude.value = event.latlng.lng.toFixed(6);
    radio.checked = true;
    place(event.latlng.lat, event.latlng.lng, false);
    borough.textContent = clickedBorough ? `Borough: ${clickedBorough}` : 'That point is outside the city.';
    clickedBorough = null;
    changed(latitude);
  });
  for (const input of [latitude, longitude]) {
    input.addEventListener('change', () => place(Number.parseFloat(latitude.value), Number.parseFloat(longitude.value), true));
  }
}

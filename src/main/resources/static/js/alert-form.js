// The alert form's map. The inputs stay the way to give an area without JavaScript or a mouse;
// the map shows what they say and, on a click, fills them in: with "Boroughs" chosen it ticks or
// unticks the borough clicked, with "An area" it adds a corner, with "A circle" it moves the centre.
// It also shows only the part of the form the chosen radio button asks for (minutes or a time; boroughs,
// an area or a circle); without JavaScript every part is shown. (GOV.UK's own conditional reveal sets
// aria-expanded on the radio buttons, which ARIA does not allow there.)
// When a preview comes back with problems, htmx swaps in the whole form, and this sets it up again.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';
import { areaMap, chooseBoroughs, corner, corners, show, CORNER, SHAPE } from './alert-area.js';

function revealChosen(form) {
  for (const radio of form.querySelectorAll('input[data-reveals]')) {
    form.querySelector(`#${radio.dataset.reveals}`)?.classList.toggle('govuk-radios__conditional--hidden', !radio.checked);
  }
}

// The map on the page now, so it can be taken down before htmx swaps in a new form.
let current = null;

async function setUp(scope) {
  const form = scope.querySelector('#alert-form');
  if (!form) {
    return;
  }
  revealChosen(form);
  form.addEventListener('change', () => revealChosen(form));
  const element = form.querySelector('#area-map');
  if (!element || !window.L) {
    return;
  }
  const { L, map, boroughs } = await areaMap(element);
  current = { map, element };
  const status = scope.querySelector('#area-map-status');
  const polygon = scope.querySelector('#polygon');
  const latitude = scope.querySelector('#circleLat');
  const longitude = scope.querySelector('#circleLon');
  const radius = scope.querySelector('#circleRadiusKm');
  const tools = scope.querySelector('#polygon-tools');
  const boxes = [...form.querySelectorAll('input[name=boroughs]')];
  const shapes = L.layerGroup().addTo(map);

  const kind = () => form.querySelector('input[name=area]:checked')?.value ?? null;

  const draw = (fit) => {
    const area = kind();
    tools.hidden = area !== 'polygon';
    shapes.clearLayers();
    const ticked = new Set(area === 'boroughs' ? boxes.filter((b) => b.checked).map((b) => b.dataset.boroughName) : []);
    let bounds = chooseBoroughs(L, boroughs, ticked);
    if (area === 'boroughs') {
      status.textContent = ticked.size === 1 ? '1 borough is chosen.' : `${ticked.size} boroughs are chosen.`;
    } else if (area === 'polygon') {
      const points = corners(polygon.value);
      points.forEach((p) => L.circleMarker(p, CORNER).addTo(shapes));
      if (points.length >= 2) {
        bounds = L.polygon(points, SHAPE).addTo(shapes).getBounds();
      }
      status.textContent = points.length < 3
        ? `The area has ${points.length} of at least 3 corners: click the map to add more.`
        : `The area has ${points.length} corners.`;
    } else if (area === 'circle') {
      const centre = [latitude.value, longitude.value, radius.value].map(Number.parseFloat);
      if (centre.every(Number.isFinite) && centre[2] > 0) {
        bounds = L.circle([centre[0], centre[1]], { ...SHAPE, radius: centre[2] * 1000 }).addTo(shapes).getBounds();
        status.textContent = `A circle of ${centre[2]} km around ${centre[0]}, ${centre[1]}.`;
      } else {
        status.textContent = 'Click the map to place the centre of the circle.';
      }
    } else {
      status.textContent = 'Choose boroughs, an area or a circle, then use the map.';
    }
    if (fit) {
      show(map, bounds);
    }
  };

  for (const [name, layer] of boroughs) {
    layer.on('click', () => {
      const box = boxes.find((b) => b.dataset.boroughName === name);
      if (kind() === 'boroughs' && box) {
        box.checked = !box.checked;
        draw(false);
      }
    });
  }
  map.on('click', (event) => {
    if (kind() === 'polygon') {
      const written = polygon.value.trim().replace(/;$/, '');
      polygon.value = written ? `${written};${corner(event.latlng)}` : corner(event.latlng);
      draw(false);
    } else if (kind() === 'circle') {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      if (!radius.value.trim()) {
        radius.value = '0.5';
      }
      draw(false);
    }
  });
  scope.querySelector('#polygon-undo').addEventListener('click', () => {
    polygon.value = corners(polygon.value).slice(0, -1).map(([lat, lon]) => `${lat},${lon}`).join(';');
    draw(false);
  });
  scope.querySelector('#polygon-clear').addEventListener('click', () => {
    polygon.value = '';
    draw(false);
  });
  form.addEventListener('change', () => draw(false));
  for (const input of [polygon, latitude, longitude, radius]) {
    input.addEventListener('input', () => draw(false));
  }
  draw(true);
}

// htmx carries attributes over from old elements to new ones with the same id while it settles;
// Leaflet's style attribute would be set again that way, which the Content Security Policy refuses.
document.body.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.target?.id === 'main-content' && current) {
    current.map.remove();
    current.element.removeAttribute('style');
    current.element.removeAttribute('id');
    current = null;
  }
});

document.body.addEventListener('htmx:load', (event) => {
  if (event.detail.elt.id === 'main-content') {
    initAll(event.detail.elt);
    setUp(event.detail.elt);
  }
});

await setUp(document);

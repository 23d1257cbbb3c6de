// An alert's area on its page: its boroughs picked out, or its polygon or circle drawn. The area is
// also written out in words on the page, which stays the way to read it without JavaScript.
import { areaMap, chooseBoroughs, corners, show, SHAPE } from './alert-area.js';

const element = document.getElementById('alert-map');

if (element && window.L) {
  const { L, map, boroughs } = await areaMap(element);
  const names = new Set((element.dataset.areaBoroughs || '').split('|').filter(Boolean));
  const polygon = corners(element.dataset.areaPolygon);
  const circle = (element.dataset.areaCircle || '').split(',').map(Number.parseFloat);
  if (names.size > 0) {
    show(map, chooseBoroughs(L, boroughs, names));
  } else if (polygon.length >= 3) {
    show(map, L.polygon(polygon, SHAPE).addTo(map).getBounds());
  } else if (circle.length === 3 && circle.every(Number.isFinite)) {
    const shape = L.circle([circle[0], circle[1]], { ...SHAPE, radius: circle[2] * 1000 }).addTo(map);
    show(map, shape.getBounds());
  }
}

#!/usr/bin/env node
// Layout check for the BPMN diagrams: reads the DI of each file (shape bounds, edge waypoints, label
// bounds) and reports what makes a diagram hard to read in Camunda Modeler:
//   - a label on a shape other than its own element, or on another label;
//   - a flow segment across a label;
//   - two flows crossing, touching or running along each other;
//   - a flow through a shape it does not connect (or across the border of a subprocess).
// Labels are placed as bpmn-js 18 (Camunda Modeler 5) places them on import: at the DI label bounds,
// as high as the text wrapped at their width; without DI label bounds, below the element or beside
// the middle of the flow, sized to the text wrapped at 90 px. The font is the 11 px external label
// font, where a CJK character is 11 px wide.
//
// Usage: node bpmn-layout-check.mjs [--json] file.bpmn...
// Exit code 0 when no file has a finding, 1 otherwise, 2 on a file that cannot be read.

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';

// bpmn-js: DEFAULT_LABEL_SIZE, FLOW_LABEL_INDENT, TextRenderer's external style and label box.
const DEFAULT_LABEL = { width: 90, height: 20 };
const FLOW_LABEL_INDENT = 15;
const FONT_SIZE = 11;
const LINE_HEIGHT = 1.2;
const LABEL_BOX_WIDTH = 90;

const EXTERNAL_LABEL_TYPES = [
  'bpmn:Event', 'bpmn:Gateway', 'bpmn:DataStoreReference', 'bpmn:DataObjectReference',
  'bpmn:DataInput', 'bpmn:DataOutput', 'bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Group'
];
const CONTAINER_TYPES = ['bpmn:SubProcess', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:Group'];

/** Width of one character in the 11 px sans-serif label font (Arial metrics; CJK is one em). */
export function charWidth(ch) {
  const c = ch.codePointAt(0);
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)
      || (c >= 0xff00 && c <= 0xff60) || (c >= 0x3000 && c <= 0x303f)) {
    return FONT_SIZE;
  }
  if (ch === ' ') return 0.278 * FONT_SIZE;
  if (/[0-9]/.test(ch)) return 0.556 * FONT_SIZE;
  if (/[A-Z]/.test(ch)) return 0.667 * FONT_SIZE;
  if (/[a-z]/.test(ch)) return 0.5 * FONT_SIZE;
  if (/[.,:;!|'il]/.test(ch)) return 0.278 * FONT_SIZE;
  return 0.584 * FONT_SIZE;
}

function textWidth(text) {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** diagram-js Text#layoutNext: shorten a line (at a space or hyphen, else by cutting) until it fits. */
function fitLine(line, maxWidth) {
  let fit = line;
  for (;;) {
    const width = fit ? textWidth(fit) : 0;
    if (fit === ' ' || fit === '' || width < Math.round(maxWidth) || [...fit].length < 2) {
      return fit;
    }
    const chars = [...fit];
    const length = Math.max(chars.length * (maxWidth / width), 1);
    fit = semanticShorten(fit, length) || chars.slice(0, Math.max(Math.round(length - 1), 1)).join('');
  }
}

function semanticShorten(line, maxLength) {
  const parts = line.split(/(\s|-|\u00AD)/g);
  const shortened = [];
  let length = 0;
  if (parts.length > 1) {
    while (parts.length) {
      const part = parts.shift();
      if (part.length + length < maxLength) {
        shortened.push(part);
        length += part.length;
      } else {
        if (part === '-' || part === '\u00AD') shortened.pop();
        break;
      }
    }
  }
  const last = shortened[shortened.length - 1];
  if (last && last === '\u00AD') shortened[shortened.length - 1] = '-';
  return shortened.join('');
}

/** The size of an external label's text as bpmn-js lays it out: wrapped at `maxWidth` px. */
export function labelTextSize(text, maxWidth = LABEL_BOX_WIDTH) {
  const lines = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let rest = paragraph;
    do {
      const line = fitLine(rest, maxWidth);
      lines.push(line);
      rest = rest.slice(line.length).replace(/^\s+/, '');
    } while (rest.length);
  }
  const width = Math.max(...lines.map(textWidth));
  return { width: Math.ceil(width), height: Math.ceil(lines.length * FONT_SIZE * LINE_HEIGHT), lines };
}

/** bpmn-js getFlowLabelPosition: beside the middle of the middle segment. */
function flowLabelMid(waypoints) {
  const mid = waypoints.length / 2 - 1;
  const first = waypoints[Math.floor(mid)];
  const second = waypoints[Math.ceil(mid + 0.01)];
  const x = first.x + (second.x - first.x) / 2;
  const y = first.y + (second.y - first.y) / 2;
  const angle = Math.atan((second.y - first.y) / (second.x - first.x));
  return Math.abs(angle) < Math.PI / 2 ? { x, y: y - FLOW_LABEL_INDENT } : { x: x + FLOW_LABEL_INDENT, y };
}

/**
 * Where bpmn-js places an element's external label on import (BpmnImporter#addLabel): with DI label
 * bounds, at their position and width, as high as the text wrapped at that width; without them,
 * centred below the element or beside the flow's middle, sized to the text wrapped at 90 px.
 */
export function labelBounds(text, diBounds, element) {
  if (diBounds && diBounds.width > 0) {
    return {
      x: Math.round(diBounds.x),
      y: Math.round(diBounds.y),
      width: Math.round(diBounds.width),
      height: labelTextSize(text, diBounds.width).height
    };
  }
  let mid;
  if (element.waypoints) {
    mid = flowLabelMid(element.waypoints);
  } else if (element.type === 'bpmn:Group') {
    mid = { x: element.x + element.width / 2, y: element.y + DEFAULT_LABEL.height / 2 };
  } else {
    mid = { x: element.x + element.width / 2, y: element.y + element.height + DEFAULT_LABEL.height / 2 };
  }
  const size = labelTextSize(text);
  return {
    x: Math.round(mid.x - size.width / 2),
    y: Math.round(mid.y - DEFAULT_LABEL.height / 2),
    width: size.width,
    height: size.height
  };
}

// --- geometry ---

function overlapArea(a, b) {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(a, outer) {
  return a.x >= outer.x && a.y >= outer.y && a.x + a.width <= outer.x + outer.width
    && a.y + a.height <= outer.y + outer.height;
}

function shrink(r, d) {
  return { x: r.x + d, y: r.y + d, width: r.width - 2 * d, height: r.height - 2 * d };
}

/** Whether segment p→q passes through the open interior of rectangle r (Liang–Barsky clipping). */
function segmentHitsRect(p, q, r) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges = [[-dx, p.x - r.x], [dx, r.x + r.width - p.x], [-dy, p.y - r.y], [dy, r.y + r.height - p.y]];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq <= 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return t1 - t0 > 1e-9;
}

/** Whether segment p→q crosses the border of rectangle r (one end inside, the other outside, or through). */
function segmentCrossesBorder(p, q, r) {
  const inR = (pt) => pt.x > r.x && pt.x < r.x + r.width && pt.y > r.y && pt.y < r.y + r.height;
  if (inR(p) !== inR(q)) return true;
  if (inR(p) && inR(q)) return false;
  return segmentHitsRect(p, q, r);
}

function cross(o, a, b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

function samePoint(a, b) {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}

function onSegment(p, a, b) {
  return Math.abs(cross(a, b, p)) < 1e-6
    && p.x >= Math.min(a.x, b.x) - 1e-6 && p.x <= Math.max(a.x, b.x) + 1e-6
    && p.y >= Math.min(a.y, b.y) - 1e-6 && p.y <= Math.max(a.y, b.y) + 1e-6;
}

/**
 * How segments a1→a2 and b1→b2 meet: null, 'cross', 'touch' (an end on the other) or 'along'
 * (collinear with a common stretch). Meeting only at a point in `shared` is not counted.
 */
function segmentsMeet(a1, a2, b1, b2, shared) {
  const d1 = cross(b1, b2, a1);
  const d2 = cross(b1, b2, a2);
  const d3 = cross(a1, a2, b1);
  const d4 = cross(a1, a2, b2);
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    const horizontal = Math.abs(a2.x - a1.x) >= Math.abs(a2.y - a1.y);
    const lo = (s, t) => Math.min(horizontal ? s.x : s.y, horizontal ? t.x : t.y);
    const hi = (s, t) => Math.max(horizontal ? s.x : s.y, horizontal ? t.x : t.y);
    const common = Math.min(hi(a1, a2), hi(b1, b2)) - Math.max(lo(a1, a2), lo(b1, b2));
    if (common > 0) return 'along';
    if (common < 0) return null;
  } else if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return 'cross';
  }
  for (const p of [a1, a2, b1, b2]) {
    const onBoth = onSegment(p, a1, a2) && onSegment(p, b1, b2);
    if (onBoth && !shared.some((s) => samePoint(s, p))) return 'touch';
  }
  return null;
}

// --- reading the DI ---

function isA(element, type) {
  return element && element.$instanceOf && element.$instanceOf(type);
}

function nameOf(element) {
  if (isA(element, 'bpmn:Group')) return element.categoryValueRef && element.categoryValueRef.value;
  return element.name;
}

function describe(item) {
  const name = item.name ? ` "${item.name.replace(/\s+/g, ' ')}"` : '';
  return `${item.id}${name}`;
}

/** Reads shapes, edges and labels of every diagram in one BPMN file. */
export async function readDiagram(xml) {
  const moddle = new BpmnModdle();
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml);
  if (warnings.length) {
    throw new Error(warnings.map((w) => w.message).join('\n'));
  }
  const shapes = [];
  const edges = [];
  const labels = [];
  for (const diagram of definitions.diagrams || []) {
    for (const di of diagram.plane.planeElement || []) {
      const element = di.bpmnElement;
      if (!element) continue;
      if (isA(di, 'bpmndi:BPMNShape')) {
        const b = di.bounds;
        const shape = {
          id: element.id, name: nameOf(element), element, type: element.$type,
          x: b.x, y: b.y, width: b.width, height: b.height,
          container: CONTAINER_TYPES.some((t) => isA(element, t)) && (di.isExpanded !== false || !isA(element, 'bpmn:SubProcess')),
          host: element.attachedToRef ? element.attachedToRef.id : null
        };
        shapes.push(shape);
        addLabel(labels, element, di, shape);
      } else if (isA(di, 'bpmndi:BPMNEdge')) {
        const edge = {
          id: element.id, name: nameOf(element), element, type: element.$type,
          waypoints: (di.waypoint || []).map((p) => ({ x: p.x, y: p.y })),
          source: element.sourceRef && element.sourceRef.id,
          target: element.targetRef && element.targetRef.id
        };
        edges.push(edge);
        addLabel(labels, element, di, edge);
      }
    }
  }
  return { shapes, edges, labels };
}

function addLabel(labels, element, di, owner) {
  const text = nameOf(element);
  if (!text || !text.trim() || !EXTERNAL_LABEL_TYPES.some((t) => isA(element, t))) return;
  const diBounds = di.label && di.label.bounds;
  const bounds = labelBounds(text, diBounds, owner);
  labels.push({ id: element.id, name: text, owner, ...bounds });
}

// --- the checks ---

/** Everything that makes the diagram hard to read; each finding has a kind and a message. */
export function check({ shapes, edges, labels }) {
  const findings = [];
  const shapeById = new Map(shapes.map((s) => [s.id, s]));
  const add = (kind, message) => findings.push({ kind, message });

  // A label on a shape other than its own element: a container only when the label sits on its border.
  for (const label of labels) {
    for (const shape of shapes) {
      if (shape.id === label.id) continue;
      if (shape.container) {
        if (overlapArea(label, shape) > 0 && !inside(label, shape)) {
          add('labelOnShape', `label of ${describe(label)} lies on the border of ${describe(shape)}`);
        }
      } else if (overlapArea(label, shape) > 0) {
        add('labelOnShape', `label of ${describe(label)} lies on ${describe(shape)}`);
      }
    }
  }

  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlapArea(labels[i], labels[j]) > 0) {
        add('labelOnLabel', `label of ${describe(labels[i])} overlaps the label of ${describe(labels[j])}`);
      }
    }
  }

  for (const edge of edges) {
    for (const label of labels) {
      if (edgeSegments(edge).some(([p, q]) => segmentHitsRect(p, q, label))) {
        const own = label.id === edge.id ? ' (its own label)' : '';
        add('flowAcrossLabel', `flow ${describe(edge)} runs across the label of ${describe(label)}${own}`);
      }
    }
  }

  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i];
      const b = edges[j];
      const shared = [];
      for (const pa of [first(a), last(a)]) {
        for (const pb of [first(b), last(b)]) {
          if (samePoint(pa, pb)) shared.push(pa);
        }
      }
      // the worst way they meet: running along each other, crossing, or touching
      let how = null;
      for (const [a1, a2] of edgeSegments(a)) {
        for (const [b1, b2] of edgeSegments(b)) {
          const meet = segmentsMeet(a1, a2, b1, b2, shared);
          if (meet && (!how || MEETINGS.indexOf(meet) < MEETINGS.indexOf(how))) how = meet;
        }
      }
      if (how) {
        const verb = { cross: 'crosses', touch: 'touches', along: 'runs along' }[how];
        add('flowCrossing', `flow ${describe(a)} ${verb} flow ${describe(b)}`);
      }
    }
  }

  for (const edge of edges) {
    const ends = new Set([edge.source, edge.target]);
    for (const end of [edge.source, edge.target]) {
      const s = shapeById.get(end);
      if (s && s.host) ends.add(s.host);
    }
    for (const shape of shapes) {
      if (ends.has(shape.id)) continue;
      const hit = shape.container
        ? edgeSegments(edge).some(([p, q]) => segmentCrossesBorder(p, q, shape))
        : edgeSegments(edge).some(([p, q]) => segmentHitsRect(p, q, shrink(shape, 1)));
      if (hit) add('flowThroughShape', `flow ${describe(edge)} runs through ${describe(shape)}`);
    }
  }
  return findings;
}

const MEETINGS = ['along', 'cross', 'touch'];

function edgeSegments(edge) {
  const segments = [];
  for (let i = 1; i < edge.waypoints.length; i++) segments.push([edge.waypoints[i - 1], edge.waypoints[i]]);
  return segments;
}

function first(edge) {
  return edge.waypoints[0];
}

function last(edge) {
  return edge.waypoints[edge.waypoints.length - 1];
}

export const KINDS = {
  labelOnShape: 'labels on shapes',
  labelOnLabel: 'labels on labels',
  flowAcrossLabel: 'flows across labels',
  flowCrossing: 'flow crossings',
  flowThroughShape: 'flows through shapes'
};

export function counts(findings) {
  const c = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  for (const f of findings) c[f.kind]++;
  return c;
}

async function main(argv) {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (!files.length) {
    console.error('usage: node bpmn-layout-check.mjs [--json] file.bpmn...');
    return 2;
  }
  const report = {};
  let failed = false;
  for (const file of files) {
    let findings;
    try {
      findings = check(await readDiagram(await readFile(file, 'utf8')));
    } catch (e) {
      console.error(`${file}: cannot read the diagram: ${e.message}`);
      return 2;
    }
    report[file] = { counts: counts(findings), findings };
    failed = failed || findings.length > 0;
  }
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const [file, { counts: c, findings }] of Object.entries(report)) {
      const summary = Object.entries(KINDS).map(([k, text]) => `${c[k]} ${text}`).join(', ');
      console.log(`${findings.length ? '✖' : '✔'} ${file}: ${summary}`);
      for (const f of findings) console.log(`    ${f.message}`);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

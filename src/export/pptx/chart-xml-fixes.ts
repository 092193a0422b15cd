/**
 * What pptxgenjs writes into a chart part that PowerPoint rejects or that it cannot say, put right
 * on the part's XML (ppt/charts/chartN.xml):
 *
 * - every series' children in the order the chart schema requires (pptxgenjs puts a bar's value
 *   labels before its point colours and a line's before its marker, and gives lines an
 *   `invertIfNegative` they may not have: PowerPoint then offers to repair the file);
 * - no axis id a chart group names without an axis behind it (pptxgenjs 4.0.1 adds a third to
 *   every 2D bar and line chart);
 * - series numbered once across a combo chart's groups;
 * - a colour per point (`colors`, the highlight), a number format per series, hidden labels
 *   (native-chart.ts `SeriesFix`).
 *
 * The XML is pptxgenjs's own (no comments, CDATA or processing instructions inside the plot
 * area), so elements are found by their tags.
 */
import type { ChartFix, SeriesFix } from './native-chart.ts';

/** ECMA-376 dml-chart.xsd: the children of each kind of series, in order. */
export const SERIES_ORDER: Record<string, readonly string[]> = {
  barChart: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  areaChart: ['idx', 'order', 'tx', 'spPr', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'extLst'],
  scatterChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'xVal', 'yVal', 'smooth', 'extLst'],
  pieChart: ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  doughnutChart: ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
};

interface Element {
  /** Local name without the `c:` prefix. */
  name: string;
  xml: string;
}

/** The child elements of an element's inner XML, in order (whitespace between them dropped). */
export function childElements(inner: string): Element[] {
  const children: Element[] = [];
  const tag = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = -1;
  let name = '';
  for (let match = tag.exec(inner); match; match = tag.exec(inner)) {
    const [, closing, tagName, selfClosing] = match;
    if (!closing && depth === 0) {
      start = match.index;
      name = tagName!.replace(/^\w+:/, '');
    }
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth === 0 && start >= 0) {
      children.push({ name, xml: inner.slice(start, match.index + match[0].length) });
      start = -1;
    }
  }
  return children;
}

/** Splits `<c:name …>inner</c:name>` into its open tag, inner XML and close tag. */
function parts(xml: string): { open: string; inner: string; close: string } {
  const openEnd = xml.indexOf('>') + 1;
  const closeStart = xml.lastIndexOf('</');
  return { open: xml.slice(0, openEnd), inner: xml.slice(openEnd, closeStart), close: xml.slice(closeStart) };
}

function solidFill(color: string, opacity: number): string {
  const alpha = opacity < 1 ? `<a:alpha val="${Math.round(opacity * 100000)}"/>` : '';
  return `<a:solidFill><a:srgbClr val="${color.replace(/^#/, '').toUpperCase()}">${alpha}</a:srgbClr></a:solidFill>`;
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function fixSeries(ser: string, group: string, index: number, fix: SeriesFix | undefined): string {
  const order = SERIES_ORDER[group];
  if (!order) return ser;
  const { open, inner, close } = parts(ser);
  let children = childElements(inner).filter((child) => order.includes(child.name));
  children = children.map((child) => {
    if (child.name === 'idx' || child.name === 'order') return { ...child, xml: `<c:${child.name} val="${index}"/>` };
    if (child.name === 'dLbls' && fix?.formatCode) {
      // A function, not a replacement string: a format code may hold `$&` (`" US-$&…`), which a string would expand.
      const numFmt = `<c:numFmt formatCode="${escapeAttribute(fix.formatCode)}"`;
      return { ...child, xml: child.xml.replace(/<c:numFmt formatCode="[^"]*"/g, () => numFmt) };
    }
    if (child.name === 'dLbls' && fix?.hideLabels) return { ...child, xml: child.xml.replace(/<c:showVal val="1"\/>/g, '<c:showVal val="0"/>') };
    return child;
  });
  const explode = fix?.explode;
  if (explode !== undefined) {
    // CT_DPt: idx, invertIfNegative, marker, bubble3D, explosion, spPr…
    children = children.map((child) =>
      child.name === 'dPt' && child.xml.includes(`<c:idx val="${explode}"/>`) ? { ...child, xml: child.xml.replace(/<c:bubble3D val="0"\/>/, '$&<c:explosion val="12"/>') } : child,
    );
  }
  children = children.map((child) => {
    if (child.name !== 'dLbls' || !fix?.labelColors) return child;
    return { ...child, xml: labelColours(child.xml, fix.labelColors) };
  });
  if (fix?.points && group === 'barChart') {
    children = children.filter((child) => child.name !== 'dPt');
    const points = fix.points.map(
      (point, i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solidFill(point.color, point.opacity)}</c:spPr></c:dPt>`,
    );
    children.push(...points.map((xml) => ({ name: 'dPt', xml })));
  }
  const rank = (name: string) => order.indexOf(name);
  // A stable sort: points keep their order among themselves.
  const sorted = children.map((child, i) => ({ child, i })).sort((a, b) => rank(a.child.name) - rank(b.child.name) || a.i - b.i);
  return `${open}${sorted.map(({ child }) => child.xml).join('')}${close}`;
}

/** A label per point in its own colour: each `dLbl` a pie already has is recoloured, others are added before the shared settings. */
function labelColours(dLbls: string, colours: readonly string[]): string {
  const { open, inner, close } = parts(dLbls);
  const children = childElements(inner);
  const shared = children.filter((child) => child.name !== 'dLbl');
  const existing = new Map(children.filter((child) => child.name === 'dLbl').map((child) => [/<c:idx val="(\d+)"/.exec(child.xml)?.[1] ?? '', child.xml]));
  // A point's label takes the shared settings, less the leader lines only the whole series may have.
  const own = shared.filter((child) => child.name !== 'showLeaderLines' && child.name !== 'leaderLines');
  const template = existing.values().next().value ?? `<c:dLbl><c:idx val="0"/>${own.map((child) => child.xml).join('')}</c:dLbl>`;
  const points = colours.map((colour, i) => {
    const own = (existing.get(String(i)) ?? template).replace(/<c:idx val="\d+"\/>/, `<c:idx val="${i}"/>`);
    // The label's text colour is the fill of its run properties (txPr).
    return own.replace(/(<c:txPr>.*?<a:solidFill>)<a:srgbClr val="\w+"\/>/s, (_, head: string) => `${head}<a:srgbClr val="${colour.replace(/^#/, '').toUpperCase()}"/>`);
  });
  return `${open}${points.join('')}${shared.map((child) => child.xml).join('')}${close}`;
}

/** The title's own layout at the chart's top left corner. */
function titleTopLeft(xml: string): string {
  return xml.replace(/(<c:title>.*?)<c:layout\/>/s, (_, head: string) => `${head}<c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0"/><c:y val="0"/></c:manualLayout></c:layout>`);
}

/** The chart part with `fix` applied (its series fixes in plot order across the chart's groups). */
export function fixChartXml(xml: string, fix: ChartFix): string {
  const plotStart = xml.indexOf('<c:plotArea>');
  const plotEnd = xml.indexOf('</c:plotArea>') + '</c:plotArea>'.length;
  if (plotStart < 0 || plotEnd < plotStart) throw new Error('chart part without a plot area');
  const plotArea = xml.slice(plotStart, plotEnd);
  const { open, inner, close } = parts(plotArea);
  const children = childElements(inner);
  const axisIds = new Set(
    children.filter((child) => /^(catAx|valAx|dateAx|serAx)$/.test(child.name)).map((axis) => /<c:axId val="(\d+)"/.exec(axis.xml)?.[1] ?? ''),
  );
  let seriesIndex = 0;
  const fixed = children.map((child) => {
    if (!SERIES_ORDER[child.name]) return child.xml;
    const group = parts(child.xml);
    const members = childElements(group.inner).flatMap((member) => {
      if (member.name === 'grouping' && fix.grouping) return [`<c:grouping val="${fix.grouping}"/>`];
      if (member.name === 'axId') return axisIds.has(/val="(\d+)"/.exec(member.xml)?.[1] ?? '') ? [member.xml] : [];
      if (member.name !== 'ser') return [member.xml];
      const index = seriesIndex++;
      return [fixSeries(member.xml, child.name, index, fix.series[index])];
    });
    return `${group.open}${members.join('')}${group.close}`;
  });
  const chart = `${xml.slice(0, plotStart)}${open}${fixed.join('')}${close}${xml.slice(plotEnd)}`;
  return fix.titleTopLeft ? titleTopLeft(chart) : chart;
}

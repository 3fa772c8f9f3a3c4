/**
 * The HTML of the reports: escaping, the page shell with its inline style sheet, and tables whose
 * figure cells carry the exact value they show (`data-figure`, `data-value`) for tests and tools.
 */

/** `text` safe inside HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A table cell: text, optionally a figure (`data-figure` names it, `data-value` holds its exact decimal). */
export interface Cell {
  readonly text: string;
  /** Right-aligned (amounts, counts). */
  readonly numeric?: boolean;
  /** A stable name for the figure, e.g. `totals.statements`. */
  readonly figure?: string;
  /** The exact value the text shows. */
  readonly value?: string;
  /** Already HTML (a link, a `<details>`): not escaped. */
  readonly html?: boolean;
}

/** A cell of plain text. */
export const text = (value: string): Cell => ({ text: value });

/** A right-aligned figure cell with its exact value. */
export const figure = (shown: string, name: string, value: string): Cell => ({
  text: shown,
  numeric: true,
  figure: name,
  value,
});

function cellHtml(cell: Cell, tag: 'td' | 'th'): string {
  const attributes = [
    cell.numeric === true ? ' class="num"' : '',
    cell.figure === undefined ? '' : ` data-figure="${escapeHtml(cell.figure)}"`,
    cell.value === undefined ? '' : ` data-value="${escapeHtml(cell.value)}"`,
  ].join('');
  return `<${tag}${attributes}>${cell.html === true ? cell.text : escapeHtml(cell.text)}</${tag}>`;
}

/**
 * A table with a caption and column headers; the first cell of each row is its row header
 * (`<th scope="row">`).
 */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? cellHtml(cell, 'th').replace('<th', '<th scope="row"') : cellHtml(cell, 'td'))).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/** A titled section. */
export function section(id: string, title: string, ...parts: string[]): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>\n${parts.join('\n')}\n</section>`;
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1d2430;background:#fff}
body{margin:0 auto;max-width:1100px;padding:1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid #d8dee8;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #d8dee8;padding:.25rem .5rem;vertical-align:top}
thead th{background:#f1f4f8;text-align:left}
th[scope=row]{text-align:left;font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.bad{color:#a1001c;font-weight:700}.good{color:#0b6b2e}
.meta{color:#4a5568;margin:.2rem 0}
figure{margin:.6rem 0}figcaption{font-size:.85rem;color:#4a5568}
svg text{font-family:inherit;font-size:11px;fill:#1d2430}.person svg rect{fill:#2f6db5}.person th.version{background:#f1f4f8;font-weight:600}.person svg rect.neg{fill:#c2410c}svg .axis{stroke:#4a5568}
ol.steps{margin:.2rem 0;padding-left:1.2rem;font-size:.8rem}ol.steps code{font-size:.78rem}
details{margin:0}summary{cursor:pointer}
details table{font-size:.8rem;margin:.3rem 0}
.person svg{width:460px;max-width:100%}.person td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.person th{text-align:left;font-weight:400}
.person,.steps-page{display:none}.person:target,.steps-page:target{display:block}
main:has(.person:target)>.overview,main:has(.steps-page:target)>.overview{display:none}
nav a{margin-right:1rem}
@media print{.person,.steps-page{display:block;break-before:page}}
`;

/** The whole document: one file, its style inline, no script, no network (a CSP forbids fetching anything). */
export function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="synergy-pay">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

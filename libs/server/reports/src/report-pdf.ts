import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Report PDFs are drawn with pdfkit. Why pdfkit rather than a headless browser printing HTML
 * (Puppeteer, Chromium) or pdfmake/react-pdf:
 * - memory and speed: it writes PDF operators straight to a stream in the worker's process —
 *   no browser per report (hundreds of MB and seconds of start-up each), no intermediate DOM or
 *   document tree of the whole report;
 * - charts: its vector drawing API (rect, line, fill) draws bar charts directly, with no
 *   charting library or SVG renderer;
 * - fonts: it embeds and subsets TrueType fonts, so DejaVu renders Spanish (and more) while the
 *   file carries only the glyphs used;
 * - it is a CommonJS package maintained for over a decade, which loads under this repo's jest.
 * Pages are buffered (a report is a few pages) so page numbers can be stamped as "page n of m".
 */
const FONT_DIR = process.env['MEND_REPORT_FONT_DIR'] ?? '/usr/share/fonts/truetype/dejavu';
const FONTS = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

const COLOURS = {
  ink: '#2b2b2b',
  muted: '#6b6b6b',
  rule: '#d9d4cc',
  accent: '#3f6f64',
  series: ['#3f6f64', '#d08c3c', '#a3a3a3'],
} as const;

export interface PdfColumn {
  label: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

export interface BarSeries {
  label: string;
  values: readonly number[];
}

export interface PdfLabels {
  /** e.g. (3, 5) → "Page 3 of 5". */
  page: (page: number, pages: number) => string;
}

/** A report PDF: a cover, headings, key figures, tables and bar charts, page numbers. */
export class ReportPdf {
  readonly doc: PDFKit.PDFDocument;

  constructor(
    title: string,
    private readonly labels: PdfLabels,
  ) {
    for (const file of Object.values(FONTS)) {
      if (!existsSync(join(FONT_DIR, file))) {
        throw new Error(
          `report fonts are missing (${join(FONT_DIR, file)}): install fonts-dejavu-core`,
        );
      }
    }
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      bufferPages: true,
      info: { Title: title, Producer: 'Mend', Creator: 'Mend' },
    });
    this.doc.registerFont('body', join(FONT_DIR, FONTS.body));
    this.doc.registerFont('bold', join(FONT_DIR, FONTS.bold));
    this.doc.font('body').fillColor(COLOURS.ink);
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) {
      this.doc.addPage();
    }
  }

  cover(title: string, subtitle: string, lines: readonly string[]): this {
    this.doc.moveDown(6);
    this.doc.font('bold').fontSize(26).fillColor(COLOURS.accent).text(title);
    this.doc.moveDown(0.5);
    this.doc.font('body').fontSize(14).fillColor(COLOURS.ink).text(subtitle);
    this.doc.moveDown(1.5);
    this.doc.fontSize(11).fillColor(COLOURS.muted);
    for (const line of lines) this.doc.text(line);
    this.doc.fillColor(COLOURS.ink);
    return this;
  }

  newPage(): this {
    this.doc.addPage();
    return this;
  }

  heading(text: string): this {
    this.room(60);
    this.doc.moveDown(0.8);
    this.doc.font('bold').fontSize(15).fillColor(COLOURS.accent).text(text, this.left);
    this.doc.moveDown(0.3);
    this.doc.font('body').fontSize(10).fillColor(COLOURS.ink);
    return this;
  }

  paragraph(text: string, options: { muted?: boolean } = {}): this {
    this.doc
      .font('body')
      .fontSize(10)
      .fillColor(options.muted ? COLOURS.muted : COLOURS.ink)
      .text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(COLOURS.ink).moveDown(0.4);
    return this;
  }

  /** Big figures in a row: the totals a reader looks for first. */
  figures(items: ReadonlyArray<{ label: string; value: string }>): this {
    this.room(60);
    const top = this.doc.y;
    const cell = this.width / Math.max(items.length, 1);
    items.forEach((item, index) => {
      const x = this.left + index * cell;
      this.doc.font('bold').fontSize(20).fillColor(COLOURS.ink);
      this.doc.text(item.value, x, top, { width: cell - 8 });
      this.doc.font('body').fontSize(9).fillColor(COLOURS.muted);
      this.doc.text(item.label, x, top + 26, { width: cell - 8 });
    });
    this.doc.fillColor(COLOURS.ink);
    this.doc.x = this.left;
    this.doc.y = top + 56;
    return this;
  }

  table(columns: readonly PdfColumn[], rows: ReadonlyArray<readonly string[]>): this {
    const widths = columns.map((column) => column.width * this.width);
    const line = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? 'bold' : 'body').fontSize(9);
      const height = Math.max(
        ...cells.map((cell, i) => this.doc.heightOfString(cell, { width: (widths[i] ?? 0) - 6 })),
      );
      this.room(height + 8);
      const top = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        this.doc.text(cell, x + 3, top + 3, {
          width: width - 6,
          align: columns[i]?.align ?? 'left',
        });
        x += width;
      });
      const bottom = top + height + 6;
      this.doc
        .moveTo(this.left, bottom)
        .lineTo(this.left + this.width, bottom)
        .lineWidth(0.5)
        .strokeColor(COLOURS.rule)
        .stroke();
      this.doc.x = this.left;
      this.doc.y = bottom + 1;
    };
    line(
      columns.map((column) => column.label),
      true,
    );
    for (const row of rows) line(row, false);
    this.doc.moveDown(0.5);
    return this;
  }

  /**
   * Horizontal bars, one group per category and one bar per series, with the value at the end
   * of each bar and a legend underneath.
   */
  barChart(categories: readonly string[], series: readonly BarSeries[]): this {
    const barHeight = 9;
    const groupHeight = series.length * (barHeight + 2) + 8;
    const labelWidth = this.width * 0.3;
    const plotWidth = this.width - labelWidth - 40;
    const max = Math.max(1, ...series.flatMap((s) => s.values));
    this.room(Math.min(categories.length, 6) * groupHeight + 30);
    categories.forEach((category, c) => {
      this.room(groupHeight);
      const top = this.doc.y;
      this.doc.font('body').fontSize(9).fillColor(COLOURS.ink);
      this.doc.text(category, this.left, top, { width: labelWidth - 6, height: groupHeight });
      series.forEach((s, i) => {
        const value = s.values[c] ?? 0;
        const y = top + i * (barHeight + 2);
        const x = this.left + labelWidth;
        this.doc
          .rect(x, y, Math.max(0.5, (value / max) * plotWidth), barHeight)
          .fill(COLOURS.series[i % COLOURS.series.length] ?? COLOURS.accent);
        this.doc.fillColor(COLOURS.muted).fontSize(8);
        this.doc.text(String(value), x + (value / max) * plotWidth + 4, y + 1, {
          lineBreak: false,
        });
      });
      this.doc.x = this.left;
      this.doc.y = top + groupHeight;
    });
    let x = this.left + labelWidth;
    const legendY = this.doc.y + 2;
    series.forEach((s, i) => {
      this.doc.rect(x, legendY, 8, 8).fill(COLOURS.series[i % COLOURS.series.length] ?? '');
      this.doc.fillColor(COLOURS.ink).fontSize(8);
      this.doc.text(s.label, x + 12, legendY, { lineBreak: false });
      x += 12 + this.doc.widthOfString(s.label) + 16;
    });
    this.doc.fillColor(COLOURS.ink);
    this.doc.x = this.left;
    this.doc.y = legendY + 18;
    return this;
  }

  /** Stamps "page n of m" on every page and ends the document (its stream then ends too). */
  end(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('body')
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(this.labels.page(i + 1, range.count), this.left, this.doc.page.height - 35, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
  }
}

// The decoding below is derived from jpeg-js (lib/decoder.js, Copyright 2011 notmasteryet, Apache
// License 2.0, after pdf.js and poppler); what changed is where coefficients and pixels are kept.
import type { RgbaRowSink } from './decodePng.ts';

/** How a JPEG decode ended: its size, or why there are no pixels. */
export type DecodedJpeg =
  | { readonly ok: true; readonly width: number; readonly height: number }
  /** `memory`: it would need more than the memory budget; `corrupt`: the data cannot be decoded. */
  | { readonly ok: false; readonly reason: 'memory' | 'corrupt' };

/**
 * The most a JPEG decode holds, in bytes: every DCT coefficient at 2 bytes (at most 4 components,
 * each at most one sample per pixel, so 8 bytes a pixel), plus one row of MCUs in pixels and small
 * tables. jpeg-js, by comparison, held one typed array per 8×8 block and every decoded line, about
 * 24 bytes a pixel in thousands of small allocations that the C heap kept after they were freed.
 */
export function jpegDecodeBudgetBytes(maxMegapixels: number): number {
  return Math.ceil(maxMegapixels * 1e6 * 8) + 16 * 1024 * 1024;
}

/**
 * Decodes a JPEG's pixels as rows of 8-bit RGBA, one band of MCUs at a time (baseline, extended and
 * progressive; grey, YCbCr, and Adobe CMYK/YCCK), without ever holding the whole image in pixels.
 * The coefficients are kept in one `Int16Array` per component (2 bytes each, as libjpeg keeps them),
 * because a progressive JPEG refines them over several scans; the pixels are made from them band by
 * band after the last scan. Before anything large is allocated, the memory it needs is checked
 * against `maxMemoryBytes` (see `jpegDecodeBudgetBytes`). The arithmetic (Huffman decoding, the
 * integer IDCT, upsampling and colour conversion) is jpeg-js's, so the pixels are the same as
 * jpeg-js gives; only where they are kept differs. Call it only after `readJpegInfo` accepted the
 * header and the size was checked.
 */
export function decodeJpegRows(bytes: Uint8Array, limits: { readonly maxMegapixels: number; readonly maxMemoryBytes: number }, onRow: RgbaRowSink): DecodedJpeg {
  try {
    const decoder = new JpegDecoder(bytes, limits);
    decoder.parse();
    decoder.emitRows(onRow);
    return { ok: true, width: decoder.width, height: decoder.height };
  } catch (error) {
    return { ok: false, reason: error instanceof MemoryBudgetExceeded ? 'memory' : 'corrupt' };
  }
}

class MemoryBudgetExceeded extends Error {}

type HuffmanNode = (number | HuffmanNode)[];

interface Component {
  readonly h: number;
  readonly v: number;
  readonly quantizationIndex: number;
  quantizationTable: Int32Array | undefined;
  blocksPerLine: number;
  blocksPerColumn: number;
  blocksPerLineForMcu: number;
  blocksPerColumnForMcu: number;
  coefficients: Int16Array;
  pred: number;
  dcTable: HuffmanNode | undefined;
  acTable: HuffmanNode | undefined;
}

interface Frame {
  readonly progressive: boolean;
  readonly scanLines: number;
  readonly samplesPerLine: number;
  readonly components: Map<number, Component>;
  readonly order: Component[];
  maxH: number;
  maxV: number;
  mcusPerLine: number;
  mcusPerColumn: number;
}

// prettier-ignore
const ZIGZAG = new Int32Array([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]);
const COS1 = 4017, SIN1 = 799, COS3 = 3406, SIN3 = 2276, COS6 = 1567, SIN6 = 3784, SQRT2 = 5793, SQRT1D2 = 2896;

const clamp8 = (value: number) => (value < 0 ? 0 : value > 255 ? 255 : value);

class JpegDecoder {
  width = 0;
  height = 0;
  private frame: Frame | undefined;
  private adobeTransform: number | undefined;
  private allocated = 0;
  private offset = 0;
  private readonly maxPixels: number;

  constructor(
    private readonly data: Uint8Array,
    private readonly limits: { readonly maxMegapixels: number; readonly maxMemoryBytes: number },
  ) {
    this.maxPixels = limits.maxMegapixels * 1e6;
  }

  private allocate(bytes: number): void {
    this.allocated += bytes;
    if (this.allocated > this.limits.maxMemoryBytes) throw new MemoryBudgetExceeded(`needs more than ${this.limits.maxMemoryBytes} bytes`);
  }

  private byte(at: number): number {
    return this.data[at] ?? 0;
  }

  private readUint16(): number {
    const value = (this.byte(this.offset) << 8) | this.byte(this.offset + 1);
    this.offset += 2;
    return value;
  }

  private readBlock(): Uint8Array {
    const length = this.readUint16();
    const block = this.data.subarray(this.offset, this.offset + length - 2);
    this.offset += block.length;
    return block;
  }

  parse(): void {
    const quantizationTables: Int32Array[] = [];
    const dcTables: HuffmanNode[] = [];
    const acTables: HuffmanNode[] = [];
    let resetInterval = 0;
    let frames = 0;
    let malformedAt = -1;
    if (this.readUint16() !== 0xffd8) throw new Error('SOI not found');
    let marker = this.readUint16();
    while (marker !== 0xffd9) {
      if (this.offset > this.data.length + 2) throw new Error('data ends before EOI');
      if ((marker >= 0xffe0 && marker <= 0xffef) || marker === 0xfffe) {
        const app = this.readBlock();
        if (marker === 0xffee && app[0] === 0x41 && app[1] === 0x64 && app[2] === 0x6f && app[3] === 0x62 && app[4] === 0x65 && app[5] === 0) this.adobeTransform = app[11] ?? 0;
      } else if (marker === 0xffdb) {
        const end = this.readUint16() + this.offset - 2;
        while (this.offset < end) {
          const spec = this.byte(this.offset++);
          const table = new Int32Array(64);
          if (spec >> 4 === 0) for (let j = 0; j < 64; j++) table[ZIGZAG[j]!] = this.byte(this.offset++);
          else if (spec >> 4 === 1) for (let j = 0; j < 64; j++) table[ZIGZAG[j]!] = this.readUint16();
          else throw new Error('DQT: invalid table spec');
          quantizationTables[spec & 15] = table;
        }
      } else if (marker === 0xffc0 || marker === 0xffc1 || marker === 0xffc2) {
        this.readUint16();
        this.offset++; // precision
        const scanLines = this.readUint16();
        const samplesPerLine = this.readUint16();
        if (scanLines * samplesPerLine > this.maxPixels) throw new MemoryBudgetExceeded('too many pixels');
        const frame: Frame = { progressive: marker === 0xffc2, scanLines, samplesPerLine, components: new Map(), order: [], maxH: 1, maxV: 1, mcusPerLine: 0, mcusPerColumn: 0 };
        const count = this.byte(this.offset++);
        for (let i = 0; i < count; i++) {
          const id = this.byte(this.offset);
          const h = this.byte(this.offset + 1) >> 4;
          const v = this.byte(this.offset + 1) & 15;
          if (h <= 0 || v <= 0) throw new Error('Invalid sampling factor');
          const component: Component = { h, v, quantizationIndex: this.byte(this.offset + 2), quantizationTable: undefined, blocksPerLine: 0, blocksPerColumn: 0, blocksPerLineForMcu: 0, blocksPerColumnForMcu: 0, coefficients: new Int16Array(0), pred: 0, dcTable: undefined, acTable: undefined };
          frame.components.set(id, component);
          frame.order.push(component);
          this.offset += 3;
        }
        this.prepareComponents(frame);
        this.frame = frame;
        frames++;
      } else if (marker === 0xffc4) {
        const length = this.readUint16();
        for (let i = 2; i < length; ) {
          const spec = this.byte(this.offset++);
          const codeLengths = new Uint8Array(16);
          let sum = 0;
          for (let j = 0; j < 16; j++, this.offset++) sum += codeLengths[j] = this.byte(this.offset);
          const values = new Uint8Array(sum);
          for (let j = 0; j < sum; j++, this.offset++) values[j] = this.byte(this.offset);
          i += 17 + sum;
          (spec >> 4 === 0 ? dcTables : acTables)[spec & 15] = buildHuffmanTable(codeLengths, values);
        }
      } else if (marker === 0xffdd) {
        this.readUint16();
        resetInterval = this.readUint16();
      } else if (marker === 0xffdc) {
        this.readUint16();
        this.readUint16();
      } else if (marker === 0xffda) {
        const frame = this.frame;
        if (!frame) throw new Error('scan before frame');
        this.readUint16();
        const selectors = this.byte(this.offset++);
        const components: Component[] = [];
        for (let i = 0; i < selectors; i++) {
          const component = frame.components.get(this.byte(this.offset++));
          if (!component) throw new Error('scan names an unknown component');
          const spec = this.byte(this.offset++);
          component.dcTable = dcTables[spec >> 4];
          component.acTable = acTables[spec & 15];
          components.push(component);
        }
        const spectralStart = this.byte(this.offset++);
        const spectralEnd = this.byte(this.offset++);
        const approximation = this.byte(this.offset++);
        this.offset += decodeScan(this.data, this.offset, frame, components, resetInterval, spectralStart, spectralEnd, approximation >> 4, approximation & 15);
      } else if (marker === 0xffff) {
        if (this.byte(this.offset) !== 0xff) this.offset--;
      } else if (this.byte(this.offset - 3) === 0xff && this.byte(this.offset - 2) >= 0xc0 && this.byte(this.offset - 2) <= 0xfe) {
        // The last 0xFF of the previous segment was eaten by the encoder.
        this.offset -= 3;
      } else if (marker === 0xe0 || marker === 0xe1) {
        // A malformed APP marker some phones write.
        if (malformedAt !== -1) throw new Error('second unknown JPEG marker');
        malformedAt = this.offset - 1;
        const next = this.readUint16();
        if (this.byte(this.offset + next - 2) === 0xff) this.offset += next - 2;
        else throw new Error(`unknown JPEG marker ${marker.toString(16)}`);
      } else {
        throw new Error(`unknown JPEG marker ${marker.toString(16)}`);
      }
      marker = this.readUint16();
    }
    if (frames !== 1 || !this.frame) throw new Error('only single frame JPEGs supported');
    for (const component of this.frame.order) component.quantizationTable = quantizationTables[component.quantizationIndex];
    this.width = this.frame.samplesPerLine;
    this.height = this.frame.scanLines;
  }

  private prepareComponents(frame: Frame): void {
    for (const component of frame.order) {
      frame.maxH = Math.max(frame.maxH, component.h);
      frame.maxV = Math.max(frame.maxV, component.v);
    }
    frame.mcusPerLine = Math.ceil(frame.samplesPerLine / 8 / frame.maxH);
    frame.mcusPerColumn = Math.ceil(frame.scanLines / 8 / frame.maxV);
    for (const component of frame.order) {
      component.blocksPerLine = Math.ceil((Math.ceil(frame.samplesPerLine / 8) * component.h) / frame.maxH);
      component.blocksPerColumn = Math.ceil((Math.ceil(frame.scanLines / 8) * component.v) / frame.maxV);
      component.blocksPerLineForMcu = frame.mcusPerLine * component.h;
      component.blocksPerColumnForMcu = frame.mcusPerColumn * component.v;
      const size = component.blocksPerLineForMcu * component.blocksPerColumnForMcu * 64;
      this.allocate(size * 2);
      component.coefficients = new Int16Array(size);
    }
  }

  /** Makes the pixels band by band (one row of MCUs) and hands them on row by row. */
  emitRows(onRow: RgbaRowSink): void {
    const frame = this.frame!;
    const { width, height } = this;
    const components = frame.order;
    const count = components.length;
    if (count === 4 && this.adobeTransform === undefined) throw new Error('Unsupported color mode (4 components)');
    if (count !== 1 && count !== 3 && count !== 4) throw new Error('Unsupported color mode');
    const transform = count === 3 ? true : this.adobeTransform !== undefined && this.adobeTransform !== 0;
    const bands = components.map((component) => {
      const lineLength = component.blocksPerLine << 3;
      const lines = component.v * 8;
      this.allocate(lineLength * lines);
      const scaleX = component.h / frame.maxH;
      const columns = new Int32Array(width);
      for (let x = 0; x < width; x++) columns[x] = 0 | (x * scaleX * 1);
      return { component, lineLength, lines, samples: new Uint8Array(lineLength * lines), scaleY: component.v / frame.maxV, columns };
    });
    this.allocate(width * (count + 4) + width * count * 4);
    const samples = new Uint8Array(width * count);
    const rgba = new Uint8Array(width * 4);
    const block = new Int32Array(64);
    const out = new Uint8Array(64);
    const bandHeight = 8 * frame.maxV;
    for (let mcuRow = 0; mcuRow < frame.mcusPerColumn; mcuRow++) {
      for (const band of bands) {
        const { component, lineLength } = band;
        for (let row = 0; row < component.v; row++) {
          const blockRow = mcuRow * component.v + row;
          if (blockRow >= component.blocksPerColumn) break;
          for (let blockCol = 0; blockCol < component.blocksPerLine; blockCol++) {
            inverseDct(component, (blockRow * component.blocksPerLineForMcu + blockCol) * 64, out, block);
            let at = 0;
            for (let j = 0; j < 8; j++) band.samples.set(out.subarray(at, (at += 8)), (row * 8 + j) * lineLength + (blockCol << 3));
          }
        }
      }
      const lastY = Math.min(height, (mcuRow + 1) * bandHeight);
      for (let y = mcuRow * bandHeight; y < lastY; y++) {
        const lines = bands.map((band) => {
          const local = Math.min(band.lines - 1, Math.max(0, (0 | (y * band.scaleY * 1)) - mcuRow * band.lines));
          return band.samples.subarray(local * band.lineLength, (local + 1) * band.lineLength);
        });
        convertRow(lines, bands.map((band) => band.columns), width, transform, samples, rgba);
        onRow(rgba, width);
      }
    }
  }
}

// jpeg-js's getData (to the stored samples) and copyToImageData (to RGBA), for one row.
function convertRow(lines: Uint8Array[], columns: Int32Array[], width: number, transform: boolean, data: Uint8Array, rgba: Uint8Array): void {
  const [l1, l2, l3, l4] = lines;
  const [c1, c2, c3, c4] = columns;
  if (lines.length === 1) {
    for (let x = 0; x < width; x++) {
      const grey = l1![c1![x]!]!;
      rgba[x * 4] = grey;
      rgba[x * 4 + 1] = grey;
      rgba[x * 4 + 2] = grey;
      rgba[x * 4 + 3] = 255;
    }
    return;
  }
  if (lines.length === 3) {
    for (let x = 0, o = 0; x < width; x++) {
      const Y = l1![c1![x]!]!, Cb = l2![c2![x]!]!, Cr = l3![c3![x]!]!;
      data[o++] = clamp8(Y + 1.402 * (Cr - 128));
      data[o++] = clamp8(Y - 0.3441363 * (Cb - 128) - 0.71413636 * (Cr - 128));
      data[o++] = clamp8(Y + 1.772 * (Cb - 128));
    }
    for (let x = 0; x < width; x++) {
      rgba[x * 4] = data[x * 3]!;
      rgba[x * 4 + 1] = data[x * 3 + 1]!;
      rgba[x * 4 + 2] = data[x * 3 + 2]!;
      rgba[x * 4 + 3] = 255;
    }
    return;
  }
  for (let x = 0, o = 0; x < width; x++) {
    let C: number, M: number, Ye: number;
    const K = l4![c4![x]!]!;
    if (!transform) {
      C = l1![c1![x]!]!;
      M = l2![c2![x]!]!;
      Ye = l3![c3![x]!]!;
    } else {
      const Y = l1![c1![x]!]!, Cb = l2![c2![x]!]!, Cr = l3![c3![x]!]!;
      C = 255 - clamp8(Y + 1.402 * (Cr - 128));
      M = 255 - clamp8(Y - 0.3441363 * (Cb - 128) - 0.71413636 * (Cr - 128));
      Ye = 255 - clamp8(Y + 1.772 * (Cb - 128));
    }
    data[o++] = 255 - C;
    data[o++] = 255 - M;
    data[o++] = 255 - Ye;
    data[o++] = 255 - K;
  }
  for (let x = 0; x < width; x++) {
    const C = data[x * 4]!, M = data[x * 4 + 1]!, Ye = data[x * 4 + 2]!, K = data[x * 4 + 3]!;
    rgba[x * 4] = 255 - clamp8(C * (1 - K / 255) + K);
    rgba[x * 4 + 1] = 255 - clamp8(M * (1 - K / 255) + K);
    rgba[x * 4 + 2] = 255 - clamp8(Ye * (1 - K / 255) + K);
    rgba[x * 4 + 3] = 255;
  }
}

function buildHuffmanTable(codeLengths: Uint8Array, values: Uint8Array): HuffmanNode {
  type Code = { children: HuffmanNode; index: number };
  let k = 0;
  let length = 16;
  while (length > 0 && !codeLengths[length - 1]) length--;
  const code: Code[] = [{ children: [], index: 0 }];
  let p = code[0]!;
  let q: Code;
  for (let i = 0; i < length; i++) {
    for (let j = 0; j < codeLengths[i]!; j++) {
      p = code.pop()!;
      p.children[p.index] = values[k]!;
      while (p.index > 0) {
        if (code.length === 0) throw new Error('Could not recreate Huffman Table');
        p = code.pop()!;
      }
      p.index++;
      code.push(p);
      while (code.length <= i) {
        code.push((q = { children: [], index: 0 }));
        p.children[p.index] = q.children;
        p = q;
      }
      k++;
    }
    if (i + 1 < length) {
      code.push((q = { children: [], index: 0 }));
      p.children[p.index] = q.children;
      p = q;
    }
  }
  return code[0]!.children;
}

// jpeg-js's decodeScan, writing each block's coefficients into its component's array at `at`.
function decodeScan(data: Uint8Array, start: number, frame: Frame, components: Component[], resetIntervalSet: number, spectralStart: number, spectralEnd: number, successivePrev: number, successive: number): number {
  const { mcusPerLine, progressive } = frame;
  let offset = start;
  let bitsData = 0;
  let bitsCount = 0;
  function readBit(): number {
    if (bitsCount > 0) {
      bitsCount--;
      return (bitsData >> bitsCount) & 1;
    }
    bitsData = data[offset++] ?? 0;
    if (bitsData === 0xff) {
      const next = data[offset++] ?? 0;
      if (next) throw new Error(`unexpected marker: ${((bitsData << 8) | next).toString(16)}`);
    }
    bitsCount = 7;
    return bitsData >>> 7;
  }
  function decodeHuffman(tree: HuffmanNode | undefined): number {
    if (!tree) throw new Error('scan uses a missing Huffman table');
    let node: number | HuffmanNode | undefined = tree;
    for (;;) {
      node = (node as HuffmanNode)[readBit()];
      if (typeof node === 'number') return node;
      if (typeof node !== 'object') throw new Error('invalid huffman sequence');
    }
  }
  function receive(length: number): number {
    let n = 0;
    while (length > 0) {
      n = (n << 1) | readBit();
      length--;
    }
    return n;
  }
  function receiveAndExtend(length: number): number {
    const n = receive(length);
    if (n >= 1 << (length - 1)) return n;
    return n + (-1 << length) + 1;
  }
  function decodeBaseline(component: Component, zz: Int16Array, at: number): void {
    const t = decodeHuffman(component.dcTable);
    const diff = t === 0 ? 0 : receiveAndExtend(t);
    zz[at] = component.pred += diff;
    let k = 1;
    while (k < 64) {
      const rs = decodeHuffman(component.acTable);
      const s = rs & 15, r = rs >> 4;
      if (s === 0) {
        if (r < 15) break;
        k += 16;
        continue;
      }
      k += r;
      const z = ZIGZAG[k]!;
      zz[at + z] = receiveAndExtend(s);
      k++;
    }
  }
  function decodeDCFirst(component: Component, zz: Int16Array, at: number): void {
    const t = decodeHuffman(component.dcTable);
    const diff = t === 0 ? 0 : receiveAndExtend(t) << successive;
    zz[at] = component.pred += diff;
  }
  function decodeDCSuccessive(_component: Component, zz: Int16Array, at: number): void {
    zz[at] = zz[at]! | (readBit() << successive);
  }
  let eobrun = 0;
  function decodeACFirst(component: Component, zz: Int16Array, at: number): void {
    if (eobrun > 0) {
      eobrun--;
      return;
    }
    let k = spectralStart;
    while (k <= spectralEnd) {
      const rs = decodeHuffman(component.acTable);
      const s = rs & 15, r = rs >> 4;
      if (s === 0) {
        if (r < 15) {
          eobrun = receive(r) + (1 << r) - 1;
          break;
        }
        k += 16;
        continue;
      }
      k += r;
      const z = ZIGZAG[k]!;
      zz[at + z] = receiveAndExtend(s) * (1 << successive);
      k++;
    }
  }
  let state = 0;
  let nextValue = 0;
  function decodeACSuccessive(component: Component, zz: Int16Array, at: number): void {
    let k = spectralStart;
    let r = 0;
    while (k <= spectralEnd) {
      const z = at + ZIGZAG[k]!;
      const direction = zz[z]! < 0 ? -1 : 1;
      switch (state) {
        case 0: {
          const rs = decodeHuffman(component.acTable);
          const s = rs & 15;
          r = rs >> 4;
          if (s === 0) {
            if (r < 15) {
              eobrun = receive(r) + (1 << r);
              state = 4;
            } else {
              r = 16;
              state = 1;
            }
          } else {
            if (s !== 1) throw new Error('invalid ACn encoding');
            nextValue = receiveAndExtend(s);
            state = r ? 2 : 3;
          }
          continue;
        }
        case 1:
        case 2:
          if (zz[z]) zz[z] = zz[z]! + (readBit() << successive) * direction;
          else {
            r--;
            if (r === 0) state = state === 2 ? 3 : 0;
          }
          break;
        case 3:
          if (zz[z]) zz[z] = zz[z]! + (readBit() << successive) * direction;
          else {
            zz[z] = nextValue << successive;
            state = 0;
          }
          break;
        case 4:
          if (zz[z]) zz[z] = zz[z]! + (readBit() << successive) * direction;
          break;
      }
      k++;
    }
    if (state === 4) {
      eobrun--;
      if (eobrun === 0) state = 0;
    }
  }
  type Decode = (component: Component, zz: Int16Array, at: number) => void;
  // A block outside the component's blocks (a damaged frame) is skipped, as jpeg-js's tolerant mode does.
  function decodeMcu(component: Component, decode: Decode, mcu: number, row: number, col: number): void {
    const blockRow = ((mcu / mcusPerLine) | 0) * component.v + row;
    const blockCol = (mcu % mcusPerLine) * component.h + col;
    if (blockRow >= component.blocksPerColumnForMcu) return;
    decode(component, component.coefficients, (blockRow * component.blocksPerLineForMcu + blockCol) * 64);
  }
  function decodeBlock(component: Component, decode: Decode, mcu: number): void {
    const blockRow = (mcu / component.blocksPerLine) | 0;
    const blockCol = mcu % component.blocksPerLine;
    if (blockRow >= component.blocksPerColumnForMcu) return;
    decode(component, component.coefficients, (blockRow * component.blocksPerLineForMcu + blockCol) * 64);
  }

  const decodeFn: Decode = progressive
    ? spectralStart === 0
      ? successivePrev === 0 ? decodeDCFirst : decodeDCSuccessive
      : successivePrev === 0 ? decodeACFirst : decodeACSuccessive
    : decodeBaseline;
  const single = components.length === 1;
  const mcuExpected = single ? components[0]!.blocksPerLine * components[0]!.blocksPerColumn : mcusPerLine * frame.mcusPerColumn;
  const resetInterval = resetIntervalSet || mcuExpected;
  let mcu = 0;
  while (mcu < mcuExpected) {
    for (const component of components) component.pred = 0;
    eobrun = 0;
    if (single) {
      for (let n = 0; n < resetInterval; n++) {
        decodeBlock(components[0]!, decodeFn, mcu);
        mcu++;
      }
    } else {
      for (let n = 0; n < resetInterval; n++) {
        for (const component of components) {
          for (let j = 0; j < component.v; j++) for (let k = 0; k < component.h; k++) decodeMcu(component, decodeFn, mcu, j, k);
        }
        mcu++;
        if (mcu === mcuExpected) break;
      }
    }
    if (mcu === mcuExpected) {
      // Skip trailing bytes of the scan, up to the next marker.
      do {
        if (data[offset] === 0xff && data[offset + 1] !== 0x00) break;
        offset += 1;
      } while (offset < data.length - 2);
    }
    bitsCount = 0;
    const marker = ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
    if (marker < 0xff00) throw new Error('marker was not found');
    if (marker >= 0xffd0 && marker <= 0xffd7) offset += 2;
    else break;
  }
  return offset - start;
}

// jpeg-js's port of poppler's IDCT (Loeffler, Ligtenberg, Moschytz 1989): dequantise one block
// and inverse-transform it to 8-bit samples.
function inverseDct(component: Component, at: number, out: Uint8Array, p: Int32Array): void {
  const qt = component.quantizationTable;
  if (!qt) throw new Error('missing quantization table');
  const zz = component.coefficients;
  let t: number;
  for (let i = 0; i < 64; i++) p[i] = zz[at + i]! * qt[i]!;
  for (let i = 0; i < 8; ++i) {
    const row = 8 * i;
    if (p[1 + row] === 0 && p[2 + row] === 0 && p[3 + row] === 0 && p[4 + row] === 0 && p[5 + row] === 0 && p[6 + row] === 0 && p[7 + row] === 0) {
      t = (SQRT2 * p[row]! + 512) >> 10;
      p.fill(t, row, row + 8);
      continue;
    }
    inverseDctLane(p, row, 1, 128, 8, 4);
  }
  for (let col = 0; col < 8; ++col) {
    if (p[8 + col] === 0 && p[16 + col] === 0 && p[24 + col] === 0 && p[32 + col] === 0 && p[40 + col] === 0 && p[48 + col] === 0 && p[56 + col] === 0) {
      t = (SQRT2 * p[col]! + 8192) >> 14;
      for (let j = 0; j < 8; j++) p[j * 8 + col] = t;
      continue;
    }
    inverseDctLane(p, col, 8, 2048, 12, 0);
  }
  for (let i = 0; i < 64; ++i) {
    const sample = 128 + ((p[i]! + 8) >> 4);
    out[i] = sample < 0 ? 0 : sample > 0xff ? 0xff : sample;
  }
}

/**
 * One row (stride 1) or column (stride 8) of the IDCT, in place: the same butterflies for both
 * passes, which differ only in the first stage's rounding (`round`, `shift`) and in scaling the
 * odd inputs 3 and 5 (`oddShift`), as in jpeg-js.
 */
function inverseDctLane(p: Int32Array, base: number, stride: number, round: number, shift: number, oddShift: number): void {
  const at = (k: number) => p[base + k * stride]!;
  let v0 = (SQRT2 * at(0) + round) >> shift;
  let v1 = (SQRT2 * at(4) + round) >> shift;
  let v2 = at(2);
  let v3 = at(6);
  let v4 = (SQRT1D2 * (at(1) - at(7)) + round) >> shift;
  let v7 = (SQRT1D2 * (at(1) + at(7)) + round) >> shift;
  let v5 = at(3) << oddShift;
  let v6 = at(5) << oddShift;
  let t = (v0 - v1 + 1) >> 1;
  v0 = (v0 + v1 + 1) >> 1;
  v1 = t;
  t = (v2 * SIN6 + v3 * COS6 + round) >> shift;
  v2 = (v2 * COS6 - v3 * SIN6 + round) >> shift;
  v3 = t;
  t = (v4 - v6 + 1) >> 1;
  v4 = (v4 + v6 + 1) >> 1;
  v6 = t;
  t = (v7 + v5 + 1) >> 1;
  v5 = (v7 - v5 + 1) >> 1;
  v7 = t;
  t = (v0 - v3 + 1) >> 1;
  v0 = (v0 + v3 + 1) >> 1;
  v3 = t;
  t = (v1 - v2 + 1) >> 1;
  v1 = (v1 + v2 + 1) >> 1;
  v2 = t;
  t = (v4 * SIN3 + v7 * COS3 + 2048) >> 12;
  v4 = (v4 * COS3 - v7 * SIN3 + 2048) >> 12;
  v7 = t;
  t = (v5 * SIN1 + v6 * COS1 + 2048) >> 12;
  v5 = (v5 * COS1 - v6 * SIN1 + 2048) >> 12;
  v6 = t;
  p[base] = v0 + v7;
  p[base + 7 * stride] = v0 - v7;
  p[base + stride] = v1 + v6;
  p[base + 6 * stride] = v1 - v6;
  p[base + 2 * stride] = v2 + v5;
  p[base + 5 * stride] = v2 - v5;
  p[base + 3 * stride] = v3 + v4;
  p[base + 4 * stride] = v3 - v4;
}

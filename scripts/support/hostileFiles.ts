// Small files that cost a server seconds of work: the reproductions of issue 8's "no request blocks
// the event loop", shared by the tests and `scripts/hostileJobs.ts`.
import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'jpeg-js';

/**
 * A JPEG of a few hundred bytes whose header claims `width` × `height` pixels (default 6000 ×
 * 6000, 36 megapixels: under the 40 MP limit). Its picture data is a 16 × 16 grey square: jpeg-js
 * allocated 1 GB for it and worked for seconds before it found it damaged; the row decoder finds it
 * damaged at once, having touched only the pages the data reached.
 */
export function hostileJpeg(width = 6000, height = 6000): Uint8Array {
  const jpeg = new Uint8Array(encode({ data: Buffer.alloc(16 * 16 * 4, 128), width: 16, height: 16 }, 50).data);
  const view = new DataView(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  for (let offset = 2; offset + 4 <= jpeg.length; offset += 2 + view.getUint16(offset + 2)) {
    if (jpeg[offset + 1] === 0xc0) { // SOF0: precision, then height and width
      view.setUint16(offset + 5, height);
      view.setUint16(offset + 7, width);
      return jpeg;
    }
  }
  throw new Error('hostileJpeg: the encoder wrote no SOF0 segment');
}

/**
 * A valid baseline JPEG of `width` × `height` pixels (default 8000 × 5000, the 40 MP limit), three
 * components at full resolution, every 8 × 8 block flat mid-grey: with one-code Huffman tables each
 * block is 2 bits, so the file is about 470 KB, and decoding it takes seconds (every pixel is made,
 * colour-converted and counted).
 */
export function slowJpeg(width = 8000, height = 5000): Uint8Array {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8) * 3;
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  const oneCodeTable = (spec: number) => segment(0xc4, [spec, 1, ...new Array<number>(15).fill(0), 0]); // one code of length 1: value 0
  const components = [1, 2, 3].flatMap((id) => [id, 0x11, 0]);
  return new Uint8Array([
    0xff, 0xd8,
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 255, width >> 8, width & 255, 3, ...components]),
    ...oneCodeTable(0x00), ...oneCodeTable(0x10),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
    ...new Uint8Array(Math.ceil((blocks * 2) / 8)),
    0xff, 0xd9,
  ]);
}

/**
 * A PNG of `side` × `side` RGB pixels of one colour (default 6000: 36 megapixels in about 105 KB),
 * every pixel of which a colour count must decode.
 */
export function hostilePng(side = 6000): Uint8Array {
  const row = Buffer.alloc(1 + side * 3, 0);
  for (let x = 0; x < side; x++) row.set([200, 30, 40], 1 + x * 3);
  const raw = Buffer.alloc(row.length * side);
  for (let y = 0; y < side; y++) row.copy(raw, y * row.length);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]));
}

/**
 * An SVG of `elements` half-transparent circles in 4096 colours (default 49,000: under the 50,000
 * element limit, about 3 MB). It passes inspection, and printing it across a zone at 300 DPI
 * takes resvg about 17 s.
 */
export function hostileSvg(elements = 49_000): string {
  let body = '';
  for (let index = 0; index < elements; index++) {
    body += `<circle cx="${(index * 37) % 1000}" cy="${(index * 91) % 1000}" r="30" fill="#${(index % 4096).toString(16).padStart(3, '0')}" fill-opacity="0.5"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">${body}</svg>`;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

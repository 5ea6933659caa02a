// A minimal MP4 file (ftyp + moov/mvhd) of a given running time, for upload tests.

export function minimalMp4(seconds: number): Uint8Array {
  const ftyp = box("ftyp", [...ascii("isom"), 0, 0, 2, 0, ...ascii("isomiso2mp41")]);
  const mvhdBody = new Uint8Array(100);
  const body = new DataView(mvhdBody.buffer);
  body.setUint32(12, 1000); // timescale: milliseconds
  body.setUint32(16, Math.round(seconds * 1000));
  body.setUint32(20, 0x00010000); // rate 1.0
  body.setUint16(24, 0x0100); // volume 1.0
  const moov = box("moov", [...box("mvhd", [...mvhdBody])]);
  return new Uint8Array([...ftyp, ...moov]);
}

function box(type: string, content: number[]): number[] {
  const size = 8 + content.length;
  return [(size >>> 24) & 255, (size >>> 16) & 255, (size >>> 8) & 255, size & 255, ...ascii(type), ...content];
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/**
 * Reads QR codes drawn as SVG by the `qrcode` package (`QRCode.toString(text, { type: 'svg' })`),
 * for tests: parse the SVG back into its module matrix, then rasterise it and decode it with jsQR,
 * the way a phone camera would, independently of the encoder.
 *
 * The SVG holds a `viewBox="0 0 N N"` (N modules, quiet zone included), an optional light
 * background path with `fill`, and one dark path with `stroke`, drawn as horizontal strokes of
 * width 1 centred on `y + 0.5`: `M x y.5 h len`, `m dx 0 h len`, … Any absolute or relative
 * M, H, V, L and Z commands are understood, so attribute order and number formatting do not matter.
 */
import jsQR from 'jsqr';

/** A QR code's modules: `modules[row][col]` is true for a dark module. Includes the SVG's quiet zone. */
export interface QrMatrix {
  size: number;
  modules: boolean[][];
}

/** Parses the `qrcode` package's SVG into its module matrix. Throws when the SVG is not one. */
export function parseQrSvg(svg: string): QrMatrix {
  const viewBox = /viewBox="\s*0[\s,]+0[\s,]+(\d+)[\s,]+(\d+)\s*"/.exec(svg);
  if (!viewBox || viewBox[1] !== viewBox[2]) throw new Error('not a square QR SVG: no viewBox "0 0 N N"');
  const size = Number(viewBox[1]);
  const dark = [...svg.matchAll(/<path\b([^>]*)>/g)].map((m) => m[1]).find((attrs) => /\bstroke="(?!none")[^"]*"/.test(attrs));
  const d = dark && /\bd="([^"]*)"/.exec(dark)?.[1];
  if (d === undefined) throw new Error('no dark (stroked) path in the QR SVG');
  const modules = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const tokens = d.match(/[MmHhVvLlZz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let start = { x: 0, y: 0 };
  let i = 0;
  const number = () => {
    const token = tokens[i++];
    const value = Number(token);
    if (token === undefined || Number.isNaN(value)) throw new Error(`bad QR path near token ${i}`);
    return value;
  };
  const stroke = (x0: number, x1: number, atY: number) => {
    const row = Math.floor(atY);
    for (let col = Math.round(Math.min(x0, x1)); col < Math.round(Math.max(x0, x1)); col++) {
      if (row >= 0 && row < size && col >= 0 && col < size) modules[row][col] = true;
    }
  };
  let command = '';
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i])) command = tokens[i++];
    switch (command) {
      case 'M': case 'm': case 'L': case 'l': {
        const nx = number();
        const ny = number();
        const relative = command === 'm' || command === 'l';
        const tx = relative ? x + nx : nx;
        const ty = relative ? y + ny : ny;
        if ((command === 'L' || command === 'l') && ty === y) stroke(x, tx, y);
        x = tx;
        y = ty;
        if (command === 'M' || command === 'm') start = { x, y };
        break;
      }
      case 'H': case 'h': {
        const value = number();
        const tx = command === 'h' ? x + value : value;
        stroke(x, tx, y);
        x = tx;
        break;
      }
      case 'V': case 'v': {
        // Vertical strokes do not occur in `qrcode` output; only the pen moves.
        const value = number();
        y = command === 'v' ? y + value : value;
        break;
      }
      case 'Z': case 'z':
        x = start.x;
        y = start.y;
        break;
      default:
        throw new Error(`unexpected QR path command "${command || tokens[i]}"`);
    }
  }
  return { size, modules };
}

/**
 * Rasterises a module matrix to RGBA pixels (`scale` px per module, a white quiet zone of `quiet`
 * modules around it), as jsQR expects.
 */
export function rasteriseQr(matrix: QrMatrix, scale = 4, quiet = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const width = (matrix.size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.modules[row][col]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const offset = (((row + quiet) * scale + dy) * width + (col + quiet) * scale + dx) * 4;
          data[offset] = data[offset + 1] = data[offset + 2] = 0;
        }
      }
    }
  }
  return { data, width, height: width };
}

/** Decodes the text of a `qrcode` SVG with jsQR. Throws when it cannot be read. */
export function decodeQrSvg(svg: string, scale = 4): string {
  const { data, width, height } = rasteriseQr(parseQrSvg(svg), scale);
  const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  if (!code) throw new Error('jsQR found no QR code in the SVG');
  return code.data;
}

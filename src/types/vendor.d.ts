/** Types for the build-time font tools, which ship none. Only what this project calls. */
declare module 'subset-font' {
  /** Subsets a font to the characters of `text`; resolves to the new font file. */
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; preserveNameIds?: number[] }): Promise<Buffer>;
}

declare module 'fontkit' {
  /** Opens a font file (measured in tests; the shape is declared where it is used). */
  export function openSync(path: string): unknown;
}

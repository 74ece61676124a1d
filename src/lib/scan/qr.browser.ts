/**
 * Reading QR codes in the browser, from the camera or from a photo or screenshot. Browser-only.
 *
 * The browser's own `BarcodeDetector` is used where it exists (Chrome on Android, macOS, ChromeOS).
 * Elsewhere the jsQR decoder (about 46 KB gzipped) is loaded, only on the page that scans and only
 * when a code is first read. Nothing leaves the device: frames are read from a canvas in the page.
 *
 * Lifecycle of the camera: `startCamera` asks for the rear camera, shows it in the given `<video>`,
 * reads a frame four times a second and reports each new code; `stop()` ends the stream and the
 * loop (the page calls it when a code is accepted, when the participant cancels, and on unmount).
 * A camera that is refused or missing is reported as such, so the page offers a photo instead.
 */

type Detector = { detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>> };
let detector: Promise<Detector | null> | undefined;
let jsqr: Promise<typeof import('jsqr').default> | undefined;

async function nativeDetector(): Promise<Detector | null> {
  const Barcode = (globalThis as { BarcodeDetector?: { new (options: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
  if (!Barcode) return null;
  try {
    return (await Barcode.getSupportedFormats()).includes('qr_code') ? new Barcode({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

/** The codes in an image, a video frame or a canvas; empty when there is none. */
export async function readCodes(source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap): Promise<string[]> {
  const native = await (detector ??= nativeDetector());
  if (native) {
    try {
      return (await native.detect(source)).map((code) => code.rawValue);
    } catch {
      // Fall through to the decoder: some implementations refuse some sources.
    }
  }
  const width = 'videoWidth' in source ? source.videoWidth : source.width;
  const height = 'videoHeight' in source ? source.videoHeight : source.height;
  if (!width || !height) return [];
  // Large photos are scaled down: a QR code needs far fewer pixels, and a phone has little memory.
  const scale = Math.min(1, 1600 / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return [];
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  const decode = await (jsqr ??= import('jsqr').then((m) => m.default));
  const found = decode(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found ? [found.data] : [];
}

/** The codes in a photo or screenshot the user picked. */
export async function readCodesFromFile(file: Blob): Promise<string[]> {
  const bitmap = await createImageBitmap(file);
  try {
    return await readCodes(bitmap);
  } finally {
    bitmap.close();
  }
}

/** Why the camera could not be used. */
export type CameraProblem = 'denied' | 'missing' | 'unsupported';

/** A running camera; `stop()` ends it. */
export interface Camera {
  stop(): void;
}

/** Starts the camera in `video` and calls `onCode` for every code read (the same code once in a row). */
export async function startCamera(video: HTMLVideoElement, onCode: (text: string) => void): Promise<{ ok: true; camera: Camera } | { ok: false; problem: CameraProblem }> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, problem: 'unsupported' };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (error) {
    const name = (error as DOMException).name;
    return { ok: false, problem: name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'missing' : 'unsupported' };
  }
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', '');
  await video.play().catch(() => {});
  let running = true;
  let last = '';
  const tick = async () => {
    if (!running) return;
    if (video.readyState >= 2) {
      for (const text of await readCodes(video).catch(() => [])) {
        if (text !== last) {
          last = text;
          onCode(text);
        }
      }
    }
    if (running) setTimeout(() => void tick(), 250);
  };
  void tick();
  return {
    ok: true,
    camera: {
      stop() {
        running = false;
        stream.getTracks().forEach((track) => track.stop());
        video.srcObject = null;
      },
    },
  };
}

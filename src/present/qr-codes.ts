/** QR codes of the URLs `deck present` hands out: SVG for the speaker view, text for the terminal (library `qrcode`). */
import QRCode from 'qrcode';

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** Half-height block characters, so a code fits a terminal. */
export function qrTerminal(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}

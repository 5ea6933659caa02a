// The demo's picture of the market on the Rathausplatz: drawn here (an SVG rendered by sharp), so the
// demo needs no image file and nothing from outside.
import sharp from "sharp";

const stand = (x: number, roof: string) =>
  `<rect x="${x}" y="330" width="150" height="110" fill="#f4efe6"/><polygon points="${x - 15},335 ${x + 75},270 ${x + 165},335" fill="${roof}"/><rect x="${x + 20}" y="380" width="110" height="20" fill="#8b5a2b"/>`;

export const DEMO_IMAGE_ALT =
  "Zeichnung: Das Rathaus mit rotem Dach, davor vier Marktstände mit bunten Dächern auf dem Rathausplatz, die Sonne scheint.";

export async function demoMarketImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<rect width="1200" height="675" fill="#bfe3f5"/><circle cx="1030" cy="120" r="60" fill="#ffd35c"/>
<rect x="420" y="90" width="360" height="350" fill="#c9b79c"/><polygon points="400,95 600,10 800,95" fill="#8c3b2e"/>
<rect x="575" y="340" width="50" height="100" fill="#5b4030"/><rect y="440" width="1200" height="235" fill="#d8d2c4"/>
${stand(80, "#c0392b")}${stand(300, "#2e86c1")}${stand(760, "#27ae60")}${stand(980, "#f39c12")}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
